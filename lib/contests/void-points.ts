import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { contestPoints, groupMembers } from "@/db/schema";
import { dayKey } from "@/lib/calendar/zoned";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/organizations/queries";
import { getOrganizationSettings } from "@/lib/organizations/settings";
import { inOrg, type Tenant } from "@/lib/tenancy";
import { addPointsToBoards } from "./ledger";
import { getContestOrThrow, getMemberName, phaseOf } from "./queries";

// A lead takes back a member's points (all of them, or one ledger line) with a reason: a
// reversal row in the ledger (never an edit) and an audit entry, in one transaction. The
// reversal's key names what it reverses, so a double submit reverses once.
export async function voidPoints(tenant: Tenant, input: { id: string; membershipId: string; entryId?: number; reason: string }) {
  const contest = await getContestOrThrow(tenant, input.id);
  if (phaseOf(contest) === "closed") throw new AppError("conflict", "The contest is closed");
  await getMemberName(tenant, input.membershipId);
  const { timeZone } = await getOrganizationSettings(tenant);
  const now = new Date();
  const reversed = await db.transaction(async (tx) => {
    // Two voids of the same member (a double submit) run one after the other.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`void:${contest.id}:${input.membershipId}`}))`);
    const mine = inOrg(contestPoints, tenant, eq(contestPoints.contestId, contest.id), eq(contestPoints.membershipId, input.membershipId));
    let points: number;
    let key: string;
    if (input.entryId) {
      const [entry] = await tx.select().from(contestPoints).where(and(mine, eq(contestPoints.id, input.entryId)));
      if (!entry || entry.source === "reversal") throw new AppError("not_found", "Entry not found");
      points = entry.points;
      key = `${contest.id}:reverse:${entry.id}`;
    } else {
      const [sum] = await tx.select({ points: sql<number>`coalesce(sum(${contestPoints.points}), 0)::int`, last: sql<number>`max(${contestPoints.id})` }).from(contestPoints).where(mine);
      points = sum.points;
      key = `${contest.id}:void:${input.membershipId}:${sum.last}`;
    }
    if (points <= 0) return 0;
    const [row] = await tx
      .insert(contestPoints)
      .values({
        organizationId: tenant.orgId,
        contestId: contest.id,
        membershipId: input.membershipId,
        points: -points,
        source: "reversal",
        idempotencyKey: key,
        sourceId: input.entryId ? String(input.entryId) : null,
        reason: input.reason,
        actorUserId: tenant.userId,
        day: dayKey(now, timeZone),
        occurredAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: contestPoints.id });
    if (!row) return 0;
    await recordAudit(tx, tenant, "contest.points_voided", input.membershipId, { contestId: contest.id, points: -points, entryId: input.entryId ?? null, reason: input.reason });
    return points;
  });
  if (reversed > 0) {
    const teams = await db.select({ groupId: groupMembers.groupId }).from(groupMembers).where(eq(groupMembers.membershipId, input.membershipId));
    const groupIds = teams.map((t) => t.groupId).filter((g) => !contest.groupIds.length || contest.groupIds.includes(g));
    await addPointsToBoards([{ contestId: contest.id, membershipId: input.membershipId, points: -reversed, groupIds }]);
  }
  return { reversed };
}
