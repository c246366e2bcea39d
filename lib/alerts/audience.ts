import { and, asc, eq, gt, inArray, lte, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { groupMembers, memberships, type Alert } from "@/db/schema";

// Active members an alert reaches: everyone, some roles, or members of some groups.
function audienceWhere(alert: Pick<Alert, "organizationId" | "audience">): SQL {
  const base = and(eq(memberships.organizationId, alert.organizationId), eq(memberships.status, "active"))!;
  const a = alert.audience;
  if (a.kind === "roles") return and(base, inArray(memberships.role, a.roles))!;
  if (a.kind === "groups")
    return and(base, sql`exists (select 1 from ${groupMembers} g where g.membership_id = ${memberships.id} and g.group_id in ${a.groupIds.length ? a.groupIds : [""]})`)!;
  return base;
}

export async function countAudience(alert: Pick<Alert, "organizationId" | "audience">) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(memberships).where(audienceWhere(alert));
  return row?.n ?? 0;
}

// Chunk bounds over membership ids: (after, upTo] for each chunk of `size` members.
export async function audienceChunks(alert: Pick<Alert, "organizationId" | "audience">, size: number) {
  const rows = await db.execute<{ id: string }>(sql`
    select id from (
      select ${memberships.id} as id, row_number() over (order by ${memberships.id}) as n
      from ${memberships} where ${audienceWhere(alert)}) s
    where n % ${size} = 0 order by id`);
  const bounds = rows.map((r) => r.id);
  const chunks: { after: string; upTo: string | null }[] = [];
  let after = "";
  for (const b of bounds) {
    chunks.push({ after, upTo: b });
    after = b;
  }
  chunks.push({ after, upTo: null });
  return chunks;
}

export async function audienceInRange(alert: Pick<Alert, "organizationId" | "audience">, after: string, upTo: string | null, limit?: number) {
  const query = db
    .select({ membershipId: memberships.id, userId: memberships.userId })
    .from(memberships)
    .where(and(audienceWhere(alert), gt(memberships.id, after), upTo ? lte(memberships.id, upTo) : undefined))
    .orderBy(asc(memberships.id));
  return limit ? query.limit(limit) : query;
}

export async function isInAudience(alert: Pick<Alert, "organizationId" | "audience">, membershipId: string) {
  const [row] = await db.select({ id: memberships.id }).from(memberships).where(and(audienceWhere(alert), eq(memberships.id, membershipId)));
  return !!row;
}

// The same members as audienceInRange, as a query selecting their `user_id`: a chunk's inbox
// rows are then written by one INSERT … SELECT, nothing per member in the worker.
export function audienceUsersInRange(alert: Pick<Alert, "organizationId" | "audience">, after: string, upTo: string | null): SQL {
  return db
    .select({ user_id: memberships.userId })
    .from(memberships)
    .where(and(audienceWhere(alert), gt(memberships.id, after), upTo ? lte(memberships.id, upTo) : undefined))
    .getSQL();
}
