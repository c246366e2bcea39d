import { afterAll, describe, expect, it } from "vitest";
import { boardKeys, boardRedis } from "@/lib/contests/board";
import { recordPoints, type Candidate } from "@/lib/contests/ledger";
import { boardMismatches, repairDrift } from "@/lib/contests/rebuild";
import { applyCaps, SCORED_SOURCES, type DayTotals } from "@/lib/contests/rules";
import { createMember, createOrg } from "@/tests/factories";
import { boardScore, createRunningContest, dropBoards, ledger, ledgerTotal } from "./support";

const created: string[] = [];
afterAll(async () => {
  for (const id of created) await dropBoards(id);
});

async function setup(people = 3) {
  const org = await createOrg();
  const contest = await createRunningContest(org, { startsAt: new Date("2026-03-09T00:00:00Z"), endsAt: new Date("2026-03-13T00:00:00Z") });
  created.push(contest.id);
  const members = [];
  for (let i = 0; i < people; i++) members.push((await createMember(org)).membership.id);
  return { org, contest, members };
}

let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)];

describe("caps judged in SQL", () => {
  it("grants exactly what the caps reference (applyCaps, event by event in time order) grants, batch after batch", async () => {
    const { org, contest, members } = await setup();
    const days = ["2026-03-10", "2026-03-11"];
    // Caps change within a day (a new rule version) for some events: such batches are cut in runs.
    const capsets = [
      { daily: 60, rule: { share: 30, click: 12, action: null, bonus: 8 } },
      { daily: 45, rule: { share: 40, click: 6, action: 25, bonus: null } },
    ];
    const batches: Candidate[][] = [];
    let n = 0;
    for (let b = 0; b < 6; b++) {
      const batch: Candidate[] = [];
      for (let i = 0; i < 40; i++, n++) {
        const source = pick(SCORED_SOURCES);
        const day = pick(days);
        const caps = b % 3 === 2 ? pick(capsets) : capsets[0];
        batch.push({
          orgId: org.id,
          contestId: contest.id,
          membershipId: pick(members),
          source,
          points: 1 + Math.floor(random() * 9),
          caps: { daily: caps.daily, rule: caps.rule[source] },
          idempotencyKey: `${contest.id}:${source}:model-${n}`,
          day,
          // Some events share their instant: ties keep the batch's order.
          occurredAt: new Date(Date.parse(`${day}T12:00:00Z`) + Math.floor(random() * 20) * 60_000),
          sourceId: `model-${n}`,
          postId: null,
          network: null,
          detail: null,
          groupIds: [],
        });
      }
      // A replayed event within the batch and one from an earlier batch.
      batch.push({ ...batch[0] });
      if (b > 0) batch.push({ ...batches[b - 1][3] });
      batches.push(batch);
    }

    const totals = new Map<string, DayTotals>();
    const expected = new Map<string, number>();
    const perMember = new Map<string, number>();
    for (const batch of batches) {
      const seen = new Set<string>();
      const fresh = batch.filter((c) => !expected.has(c.idempotencyKey) && !seen.has(c.idempotencyKey) && seen.add(c.idempotencyKey));
      for (const c of [...fresh].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())) {
        const key = `${c.membershipId}:${c.day}`;
        if (!totals.has(key)) totals.set(key, { total: 0, share: 0, click: 0, action: 0, bonus: 0 });
        const granted = applyCaps(totals.get(key)!, c.source, c);
        expected.set(c.idempotencyKey, granted);
        perMember.set(c.membershipId, (perMember.get(c.membershipId) ?? 0) + granted);
      }
      await recordPoints(batch, { publish: false });
    }

    const rows = await ledger(contest.id);
    expect(Object.fromEntries(rows.map((r) => [r.idempotencyKey, r.points]))).toEqual(Object.fromEntries([...expected].filter(([, points]) => points > 0)));
    // Some events were capped to nothing, some partly.
    expect([...expected.values()].filter((p) => p === 0).length).toBeGreaterThan(0);
    for (const m of members) expect(await boardScore(contest.id, m)).toBe(perMember.get(m));
    expect(await boardMismatches(contest.id)).toBe(0);
  });
});

describe("a scorer that dies between the ledger and the boards", () => {
  it("leaves the ledger right, scores nothing twice when replayed, and the drift check brings the board level", async () => {
    const { org, contest, members } = await setup(1);
    const batch: Candidate[] = [1, 2, 3].map((i) => ({
      orgId: org.id,
      contestId: contest.id,
      membershipId: members[0],
      source: "action",
      points: 10,
      caps: { daily: null, rule: null },
      idempotencyKey: `${contest.id}:action:crash-${i}`,
      day: "2026-03-10",
      occurredAt: new Date(`2026-03-10T1${i}:00:00Z`),
      sourceId: `crash-${i}`,
      postId: null,
      network: null,
      detail: "call",
      groupIds: [],
    }));
    // Redis refuses the board update after the ledger committed (the board key holds a string).
    const redis = await boardRedis();
    await redis.set(boardKeys(contest.id).members, "not a board");
    await expect(recordPoints(batch, { publish: false })).rejects.toThrow(/WRONGTYPE/);
    await redis.unlink(boardKeys(contest.id).members);
    expect(await ledgerTotal(contest.id, members[0])).toBe(30);
    expect(await boardScore(contest.id, members[0])).toBeNull();

    // The job's retry finds every key taken: nothing more in the ledger or on the board.
    expect(await recordPoints(batch, { publish: false })).toEqual({ recorded: 0, points: 0 });
    expect(await ledgerTotal(contest.id, members[0])).toBe(30);

    expect(await repairDrift(new Date("2026-03-11T00:00:00Z"))).toContain(contest.id);
    expect(await boardScore(contest.id, members[0])).toBe(30);
    expect(await boardMismatches(contest.id)).toBe(0);
  });
});
