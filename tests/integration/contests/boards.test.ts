import { spawn } from "node:child_process";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, contests, notifications } from "@/db/schema";
import { closeContest } from "@/lib/contests/close-contest";
import { boardMismatches, rebuildBoards, repairDrift } from "@/lib/contests/rebuild";
import { readBoards } from "@/lib/contests/queries";
import { scoreShare } from "@/lib/contests/score";
import { voidPoints } from "@/lib/contests/void-points";
import { boardKeys, boardRedis, readStanding } from "@/lib/contests/board";
import { addToGroup, createGroup, createMember, createOrg } from "@/tests/factories";
import { createCampaign, createFeedPost } from "@/tests/integration/feed/fixtures";
import { boardScore, createRunningContest, createShare, dropBoards, ledger, ledgerTotal } from "./support";

const created: string[] = [];
afterAll(async () => {
  for (const id of created) await dropBoards(id);
});

// An organisation with two teams (3 and 1 members) who each shared on some networks.
async function scoredContest() {
  const org = await createOrg();
  const post = await createFeedPost(org, { campaignId: (await createCampaign(org)).id });
  const contest = await createRunningContest(org);
  created.push(contest.id);
  const big = await createGroup(org, "Grande équipe");
  const small = await createGroup(org, "Petite équipe");
  const owner = await createMember(org, { role: "owner" });
  const people = [];
  for (const [i, networks] of [["linkedin", "x"], ["linkedin"], ["x"], ["linkedin", "facebook", "x"]].entries()) {
    const member = await createMember(org);
    await addToGroup(org, i < 3 ? big.id : small.id, member.membership.id);
    for (const network of networks) await scoreShare(org.id, (await createShare(org, member.membership.id, post.id, network as "linkedin")).share.id);
    people.push(member);
  }
  return { org, post, contest, people, big, small, lead: owner.tenant };
}

describe("boards", () => {
  it("ranks members and teams, with each team's total and average per active member", async () => {
    const { contest, people, big, small } = await scoredContest();
    const view = await readBoards(contest, people[1].membership.id);
    expect(view.members.map((m) => [m.membershipId, m.points, m.rank])).toEqual([
      [people[3].membership.id, 23, 1],
      [people[0].membership.id, 15, 2],
      [people[1].membership.id, 10, 3],
      [people[2].membership.id, 5, 4],
    ]);
    expect(view.me).toEqual({ points: 10, rank: 3, gapToNext: 5, nextRank: 2 });
    // The team of one beats the team of three on the average.
    expect(view.teams.map((t) => [t.groupId, t.total, t.members, t.average])).toEqual([
      [small.id, 23, 1, 23],
      [big.id, 30, 3, 10],
    ]);
  });

  it("gives equal points the same rank, and the gap to the rank above", async () => {
    const redis = await boardRedis();
    const key = `${boardKeys("cst_ties").members}-${Date.now()}`;
    await redis.zadd(key, 10, "a", 10, "b", 5, "c", 12, "d");
    try {
      expect(await readStanding(redis, key, "a")).toEqual({ points: 10, rank: 2, gapToNext: 2, nextRank: 1 });
      expect(await readStanding(redis, key, "c")).toEqual({ points: 5, rank: 4, gapToNext: 5, nextRank: 2 });
      expect(await readStanding(redis, key, "d")).toEqual({ points: 12, rank: 1, gapToNext: null, nextRank: null });
      expect(await readStanding(redis, key, "nobody")).toBeNull();
    } finally {
      await redis.unlink(key);
    }
  });

  it("is rebuilt exactly from the ledger after Redis lost it", async () => {
    const { contest, people } = await scoredContest();
    await dropBoards(contest.id);
    expect(await boardMismatches(contest.id)).toBeGreaterThan(0);
    await rebuildBoards(contest.id);
    expect(await boardMismatches(contest.id)).toBe(0);
    expect(await boardScore(contest.id, people[3].membership.id)).toBe(23);
  });

  it("is repaired by the drift check when it disagrees with the ledger", async () => {
    const { contest, people } = await scoredContest();
    const redis = await boardRedis();
    await redis.zincrby(boardKeys(contest.id).members, 1000, people[2].membership.id);
    await redis.zadd(boardKeys(contest.id).members, 5, "mem_ghost");
    expect(await repairDrift()).toContain(contest.id);
    expect(await boardMismatches(contest.id)).toBe(0);
    expect(await boardScore(contest.id, "mem_ghost")).toBeNull();
  });

  it("agrees with the ledger after concurrent scoring by several worker processes, caps held", async () => {
    const org = await createOrg();
    const contest = await createRunningContest(org, { startsAt: new Date("2026-03-09T00:00:00Z"), endsAt: new Date("2026-03-12T00:00:00Z") });
    created.push(contest.id);
    const members = [];
    for (let i = 0; i < 8; i++) members.push((await createMember(org)).membership.id);
    // 320 events (40 of 5 points per member: 200 each, capped at 150), scored by all four.
    const env = { CONTEST_ID: contest.id, ORG_ID: org.id, MEMBERS: members.join(","), EVENTS: "320" };
    const runs = [1, 2, 3, 4].map(
      (seed) =>
        new Promise<number>((resolve) => {
          const child = spawn(path.resolve("node_modules/.bin/tsx"), [path.join(import.meta.dirname, "score-process.ts")], { env: { ...process.env, ...env, SEED: String(seed) }, stdio: ["ignore", "ignore", "inherit"] });
          child.on("exit", (code) => resolve(code ?? -1));
        }),
    );
    expect(await Promise.all(runs)).toEqual([0, 0, 0, 0]);
    for (const m of members) expect(await ledgerTotal(contest.id, m)).toBe(150);
    expect(new Set((await ledger(contest.id)).map((r) => r.idempotencyKey)).size).toBe(8 * 30);
    expect(await boardMismatches(contest.id)).toBe(0);
  }, 120_000);
});

describe("voiding points", () => {
  it("adds a reversal row with its reason and an audit entry, and takes the points off the boards", async () => {
    const { contest, people, lead, small } = await scoredContest();
    const target = people[3].membership.id;
    await voidPoints(lead, { id: contest.id, membershipId: target, reason: "Partages en boucle" });
    await voidPoints(lead, { id: contest.id, membershipId: target, reason: "Partages en boucle" });
    const rows = (await ledger(contest.id)).filter((r) => r.membershipId === target);
    expect(rows.at(-1)).toMatchObject({ source: "reversal", points: -23, reason: "Partages en boucle", actorUserId: lead.userId });
    expect(rows.filter((r) => r.source === "reversal")).toHaveLength(1);
    expect(await boardScore(contest.id, target)).toBe(0);
    expect((await readBoards(contest, null)).teams.find((t) => t.groupId === small.id)?.total).toBe(0);
    expect(await boardMismatches(contest.id)).toBe(0);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.organizationId, contest.organizationId), eq(auditLog.action, "contest.points_voided")));
    expect(audit).toMatchObject([{ targetId: target, details: { contestId: contest.id, points: -23, reason: "Partages en boucle" } }]);
  });

  it("reverses one ledger line", async () => {
    const { contest, people, lead } = await scoredContest();
    const target = people[0].membership.id;
    const [entry] = (await ledger(contest.id)).filter((r) => r.membershipId === target);
    await voidPoints(lead, { id: contest.id, membershipId: target, entryId: entry.id, reason: "Lien cassé" });
    expect(await ledgerTotal(contest.id, target)).toBe(15 - entry.points);
    expect(await boardScore(contest.id, target)).toBe(15 - entry.points);
  });
});

describe("closing a contest", () => {
  it("freezes the winners once and announces them once, however often it runs", async () => {
    const { contest, people } = await scoredContest();
    await db.update(contests).set({ prizes: [{ fromRank: 1, toRank: 2, labelFr: "Carte-cadeau", labelEn: "Gift card" }], minScore: 12 }).where(eq(contests.id, contest.id));
    const later = new Date(contest.endsAt.getTime() + 1000);
    expect(await closeContest(contest.id, new Date())).toMatchObject({ closed: false, results: null });
    const first = await closeContest(contest.id, later);
    const second = await closeContest(contest.id, new Date(later.getTime() + 60_000));
    expect(first.closed).toBe(true);
    expect(second).toEqual({ closed: false, results: first.results });
    expect(first.results?.winners.map((w) => [w.membershipId, w.rank, w.points, w.prizeEn])).toEqual([
      [people[3].membership.id, 1, 23, "Gift card"],
      [people[0].membership.id, 2, 15, "Gift card"],
    ]);
    const sent = await db.select().from(notifications).where(eq(notifications.organizationId, contest.organizationId));
    expect(sent.filter((n) => n.type === "contest_closed")).toHaveLength(4);
    expect(sent.filter((n) => n.type === "contest_won")).toHaveLength(2);
    // Nothing scores after the close.
    const [late] = await db.select().from(contests).where(eq(contests.id, contest.id));
    expect(late.closedAt).not.toBeNull();
  });
});
