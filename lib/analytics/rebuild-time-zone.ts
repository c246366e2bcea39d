// No "server-only": the worker runs this.
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { analyticsRebuilds, organizations } from "@/db/schema";
import { inOrg, type Tenant } from "@/lib/tenancy";
import { rebuildRollups } from "./rollup";

// After the organisation's time zone changed (`organization.time_zone.changed`): the rollups
// recounted on its current clock, in one transaction (dashboards show the old count until the
// new one is whole), its progress kept in analytics_rebuilds. A finished event does nothing
// again; a rebuild cut short (worker killed) starts over. Two changes in a row both end on
// the latest zone.
export async function rebuildInTimeZone(eventId: string, orgId: string) {
  const [org] = await db.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, orgId));
  if (!org) return false;
  const [started] = await db
    .insert(analyticsRebuilds)
    .values({ eventId, organizationId: orgId, timeZone: org.timeZone })
    .onConflictDoUpdate({
      target: analyticsRebuilds.eventId,
      set: { timeZone: org.timeZone, stepsDone: 0, startedAt: sql`now()` },
      setWhere: isNull(analyticsRebuilds.finishedAt),
    })
    .returning({ eventId: analyticsRebuilds.eventId });
  if (!started) return false;
  const progress = (stepsDone: number, steps: number) =>
    db.update(analyticsRebuilds).set({ stepsDone, steps }).where(eq(analyticsRebuilds.eventId, eventId));
  await rebuildRollups(orgId, db, progress);
  await db.update(analyticsRebuilds).set({ finishedAt: sql`now()` }).where(eq(analyticsRebuilds.eventId, eventId));
  return true;
}

// The recount under way, if any: what the analytics pages announce.
export async function getRebuildInProgress(tenant: Pick<Tenant, "orgId">) {
  const [row] = await db
    .select({ timeZone: analyticsRebuilds.timeZone, stepsDone: analyticsRebuilds.stepsDone, steps: analyticsRebuilds.steps })
    .from(analyticsRebuilds)
    .where(and(inOrg(analyticsRebuilds, tenant), isNull(analyticsRebuilds.finishedAt)))
    .orderBy(desc(analyticsRebuilds.startedAt))
    .limit(1);
  return row ? { ...row, percent: Math.floor((row.stepsDone / Math.max(row.steps, 1)) * 100) } : null;
}
