// No "server-only": the close job reads standings too.
import { and, desc, eq, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { contestPoints, memberships, users } from "@/db/schema";
import type { Contest } from "@/db/schema/contests";

export type StandingRow = { rank: number; membershipId: string; name: string; points: number; prizeFr: string; prizeEn: string; qualifies: boolean };

// Final (or current) standings from the ledger itself, ranked 1, 2, 2, 4 on points; equal
// points are listed by name, then membership id, so every read gives the same order.
export async function ledgerStandings(exec: Database | Transaction, contest: Pick<Contest, "id" | "organizationId" | "prizes" | "minScore">): Promise<StandingRow[]> {
  const rows = await exec
    .select({ membershipId: contestPoints.membershipId, points: sql<number>`sum(${contestPoints.points})::int`, name: sql<string>`coalesce(max(${users.name}), max(${users.email}), '')` })
    .from(contestPoints)
    .leftJoin(memberships, eq(memberships.id, contestPoints.membershipId))
    .leftJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(contestPoints.contestId, contest.id), eq(contestPoints.organizationId, contest.organizationId)))
    .groupBy(contestPoints.membershipId)
    .orderBy(desc(sql`sum(${contestPoints.points})`), sql`3`, contestPoints.membershipId);
  const result: StandingRow[] = [];
  for (const row of rows) {
    const previous = result.at(-1);
    const rank = previous && previous.points === row.points ? previous.rank : result.length + 1;
    const qualifies = row.points > 0 && row.points >= contest.minScore;
    const prize = qualifies ? contest.prizes.find((p) => p.fromRank <= rank && rank <= p.toRank) : undefined;
    result.push({ rank, membershipId: row.membershipId, name: row.name, points: row.points, prizeFr: prize?.labelFr ?? "", prizeEn: prize?.labelEn ?? "", qualifies });
  }
  return result;
}

export const winnersOf = (standings: StandingRow[]) => standings.filter((s) => s.prizeFr || s.prizeEn);
