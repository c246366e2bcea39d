import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { contestRuleVersions, contests, memberships } from "@/db/schema";
import { phaseOf, readBoards } from "@/lib/contests/queries";
import { boardMismatches } from "@/lib/contests/rebuild";
import { ledgerStandings } from "@/lib/contests/standings";
import { seedDemo } from "@/scripts/seed/demo";
import { dropBoards, ledger } from "./support";

describe("the demo seed", () => {
  it("has a running contest with realistic standings, its boards built from the ledger", async () => {
    await seedDemo(() => {});
    const [contest] = await db.select().from(contests);
    expect(phaseOf(contest)).toBe("running");
    try {
      const rows = await ledger(contest.id);
      expect(new Set(rows.map((r) => r.source))).toEqual(new Set(["share", "click", "action", "reversal"]));
      expect(await db.select().from(contestRuleVersions).where(eq(contestRuleVersions.contestId, contest.id))).toHaveLength(2);
      const standings = await ledgerStandings(db, contest);
      expect(standings.length).toBeGreaterThan(50);
      expect(standings[0].points).toBeGreaterThan(standings[30].points);
      expect(await boardMismatches(contest.id)).toBe(0);
      const view = await readBoards(contest, standings[3].membershipId);
      expect(view.me).toMatchObject({ rank: standings[3].rank, points: standings[3].points });
      expect(view.teams.length).toBeGreaterThan(3);
      const people = await db.select({ id: memberships.id }).from(memberships).where(eq(memberships.organizationId, contest.organizationId));
      expect(people.length).toBeGreaterThan(standings.length);
    } finally {
      await dropBoards(contest.id);
    }
  }, 120_000);
});
