// No "server-only": the close job runs it.
import { and, eq, inArray, isNull, lte } from "drizzle-orm";
import { db } from "@/db/client";
import { contests, memberships } from "@/db/schema";
import type { ContestResults } from "@/db/schema/contests";
import { notify } from "@/lib/notifications/notify";
import { announce } from "./ledger";
import { rebuildBoards } from "./rebuild";
import { ledgerStandings, winnersOf } from "./standings";

// At the end of the window: the standings frozen from the ledger, the winners stored and
// announced, the boards rebuilt exactly. Runs any number of times: the first run holds the
// contest's row lock and sets `closed_at`; later runs find it set and change nothing.
export async function closeContest(contestId: string, now = new Date()) {
  const outcome = await db.transaction(async (tx) => {
    const [contest] = await tx.select().from(contests).where(eq(contests.id, contestId)).for("update");
    if (!contest || contest.endsAt > now) return { closed: false as const, results: contest?.results ?? null };
    if (contest.closedAt) return { closed: false as const, results: contest.results };
    const standings = await ledgerStandings(tx, contest);
    const winners = winnersOf(standings);
    const results: ContestResults = {
      closedAt: now.toISOString(),
      participants: standings.length,
      winners: winners.map((w) => ({ rank: w.rank, membershipId: w.membershipId, name: w.name, points: w.points, prizeFr: w.prizeFr, prizeEn: w.prizeEn })),
    };
    await tx.update(contests).set({ closedAt: now, results }).where(eq(contests.id, contestId));

    const people = standings.length
      ? await tx.select({ id: memberships.id, userId: memberships.userId }).from(memberships).where(inArray(memberships.id, standings.map((s) => s.membershipId)))
      : [];
    const userOf = new Map(people.map((p) => [p.id, p.userId]));
    const names = { title_fr: contest.nameFr, title_en: contest.nameEn };
    const first = winners.filter((w) => w.rank === 1).map((w) => w.name).join(", ");
    const href = `/contests/${contest.id}`;
    await notify(tx, { orgId: contest.organizationId, kind: "contest_closed", recipients: [...userOf.values()], data: { ...names, winner: first || "—" }, href, about: contest.id });
    for (const w of winners) {
      const userId = userOf.get(w.membershipId);
      if (userId) await notify(tx, { orgId: contest.organizationId, kind: "contest_won", recipients: [userId], data: { ...names, rank: w.rank, prize_fr: w.prizeFr, prize_en: w.prizeEn }, href, about: contest.id });
    }
    return { closed: true as const, results };
  });
  if (outcome.closed) {
    await rebuildBoards(contestId);
    await announce(contestId);
  }
  return outcome;
}

// Contests whose window has ended and that are not closed yet.
export async function findContestsToClose(now = new Date()) {
  const rows = await db.select({ id: contests.id }).from(contests).where(and(isNull(contests.closedAt), lte(contests.endsAt, now)));
  return rows.map((c) => c.id);
}
