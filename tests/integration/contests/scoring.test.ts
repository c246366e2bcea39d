import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { contestRuleVersions } from "@/db/schema";
import { zonedToUtc } from "@/lib/calendar/zoned";
import { scoreAction, scoreClicks, scoreShare } from "@/lib/contests/score";
import { addToGroup, createGroup, createMember, createOrg } from "@/tests/factories";
import { createCampaign, createFeedPost, createKeyMoment } from "@/tests/integration/feed/fixtures";
import { boardScore, createClick, createRunningContest, createShare, dropBoards, ledger, ledgerTotal, rulesWith } from "./support";

const created: string[] = [];
afterAll(async () => {
  for (const id of created) await dropBoards(id);
});

async function setup(options: { rules?: Parameters<typeof rulesWith>[0]; contest?: Parameters<typeof createRunningContest>[1]; org?: Parameters<typeof createOrg>[0] } = {}) {
  const org = await createOrg(options.org);
  const campaign = await createCampaign(org);
  const post = await createFeedPost(org, { campaignId: campaign.id });
  const member = await createMember(org, { role: "staff" });
  const contest = await createRunningContest(org, options.contest, rulesWith(options.rules));
  created.push(contest.id);
  return { org, campaign, post, member, contest, membershipId: member.membership.id };
}

describe("scoring shares", () => {
  it("gives the network's points for a share, in the ledger and on the board", async () => {
    const { org, post, contest, membershipId } = await setup();
    const { share } = await createShare(org, membershipId, post.id, "linkedin");
    await scoreShare(org.id, share.id);
    const rows = await ledger(contest.id);
    expect(rows).toMatchObject([{ membershipId, points: 10, source: "share", sourceId: share.id, postId: post.id, network: "linkedin" }]);
    expect(await boardScore(contest.id, membershipId)).toBe(10);
  });

  it("does not score a second share of the same post on the same network, but does on another network", async () => {
    const { org, post, contest, membershipId } = await setup();
    const first = await createShare(org, membershipId, post.id, "linkedin");
    const second = await createShare(org, membershipId, post.id, "linkedin");
    const other = await createShare(org, membershipId, post.id, "x");
    for (const s of [first, second, other]) await scoreShare(org.id, s.share.id);
    expect((await ledger(contest.id)).map((r) => [r.network, r.points])).toEqual([["linkedin", 10], ["x", 5]]);
    expect(await boardScore(contest.id, membershipId)).toBe(15);
  });

  it("adds the key-moment bonus to a share made during a key moment of the post's campaign", async () => {
    const { org, campaign, post, contest, membershipId } = await setup({ rules: { keyMomentBonus: 7 } });
    await createKeyMoment(org, campaign.id, { title: "Audience en commission", startsAt: new Date(Date.now() - 600_000), endsAt: new Date(Date.now() + 600_000) });
    const { share } = await createShare(org, membershipId, post.id, "facebook");
    await scoreShare(org.id, share.id);
    expect((await ledger(contest.id)).map((r) => [r.source, r.points, r.detail])).toEqual([["share", 8, null], ["bonus", 7, "Audience en commission"]]);
  });

  it("scores nothing outside the window, for another campaign, or for someone who does not take part", async () => {
    const { org, post, contest, membershipId } = await setup({ contest: { includeAdvocates: false } });
    const early = await createShare(org, membershipId, post.id, "linkedin", new Date(Date.now() - 2 * 3600_000));
    const otherPost = await createFeedPost(org, { campaignId: (await createCampaign(org)).id });
    await db.execute(sql`update contests set campaign_ids = array[${post.campaignId}]::text[] where id = ${contest.id}`);
    const elsewhere = await createShare(org, membershipId, otherPost.id, "linkedin");
    const advocate = await createMember(org, { role: "advocate" });
    const byAdvocate = await createShare(org, advocate.membership.id, post.id, "linkedin");
    for (const s of [early, elsewhere, byAdvocate]) await scoreShare(org.id, s.share.id);
    expect(await ledger(contest.id)).toEqual([]);
  });

  it("counts only the contest's groups as teams, and members of other groups not at all", async () => {
    const { org, post, contest, membershipId } = await setup();
    const team = await createGroup(org);
    const outside = await createGroup(org);
    await db.execute(sql`update contests set group_ids = array[${team.id}]::text[] where id = ${contest.id}`);
    await addToGroup(org, team.id, membershipId);
    const stranger = await createMember(org);
    await addToGroup(org, outside.id, stranger.membership.id);
    await scoreShare(org.id, (await createShare(org, membershipId, post.id, "linkedin")).share.id);
    await scoreShare(org.id, (await createShare(org, stranger.membership.id, post.id, "linkedin")).share.id);
    expect((await ledger(contest.id)).map((r) => r.membershipId)).toEqual([membershipId]);
  });
});

describe("scoring clicks and calls to action", () => {
  it("scores unique human clicks only: never robots, previews, repeats, prefetches or the sharer's own", async () => {
    const { org, post, contest, membershipId } = await setup({ rules: { click: 3 } });
    const { link } = await createShare(org, membershipId, post.id, "linkedin");
    const human = await createClick(org, link, { campaignId: post.campaignId });
    const filtered = await Promise.all((["bot", "preview", "head", "prefetch", "repeat", "self"] as const).map((filterReason) => createClick(org, link, { filterReason, campaignId: post.campaignId })));
    await scoreClicks(org.id, [human.id, ...filtered.map((c) => c.id)]);
    expect((await ledger(contest.id)).filter((r) => r.source === "click").map((r) => [r.sourceId, r.points])).toEqual([[human.id, 3]]);
  });

  it("scores a call to action by its kind, once", async () => {
    const { org, contest, membershipId } = await setup({ rules: { action: { email: 20, call: 25 } } });
    await scoreAction(org.id, { alertId: "alr_1", actionId: "act_1", membershipId, kind: "email" });
    await scoreAction(org.id, { alertId: "alr_1", actionId: "act_1", membershipId, kind: "email" });
    await scoreAction(org.id, { alertId: "alr_1", actionId: "act_2", membershipId, kind: "call" });
    await scoreAction(org.id, { alertId: "alr_1", actionId: "act_3", membershipId, kind: "unknown" });
    expect((await ledger(contest.id)).map((r) => [r.source, r.detail, r.points])).toEqual([["action", "email", 20], ["action", "call", 25]]);
  });
});

describe("idempotency and caps", () => {
  it("scores a replayed event once", async () => {
    const { org, post, contest, membershipId } = await setup();
    const { share, link } = await createShare(org, membershipId, post.id, "linkedin");
    const click = await createClick(org, link, { campaignId: post.campaignId });
    for (let i = 0; i < 3; i++) {
      await scoreShare(org.id, share.id);
      await scoreClicks(org.id, [click.id, click.id]);
    }
    expect((await ledger(contest.id)).map((r) => r.source)).toEqual(["share", "click"]);
    expect(await boardScore(contest.id, membershipId)).toBe(12);
  });

  it("stops a rule at its daily cap, and a member at the daily cap across rules", async () => {
    const { org, post, contest, membershipId } = await setup({ rules: { click: 4, caps: { daily: 30, share: null, click: 10, action: null, bonus: null } } });
    const { share, link } = await createShare(org, membershipId, post.id, "linkedin");
    const clicks = [];
    for (let i = 0; i < 5; i++) clicks.push(await createClick(org, link, { campaignId: post.campaignId, at: new Date(Date.now() - (5 - i) * 1000) }));
    await scoreClicks(org.id, clicks.map((c) => c.id));
    // 4 + 4 + 2 (the rule's cap), then nothing.
    expect((await ledger(contest.id)).map((r) => r.points)).toEqual([4, 4, 2]);
    await scoreShare(org.id, share.id);
    await scoreAction(org.id, { alertId: "a", actionId: "b", membershipId, kind: "call" });
    // The share's 10 reaches the day's 20; the action gets the 10 left under 30.
    expect(await ledgerTotal(contest.id, membershipId)).toBe(30);
    expect(await boardScore(contest.id, membershipId)).toBe(30);
  });

  it("starts a new day for caps at midnight in the organisation's time zone, not UTC", async () => {
    const timeZone = "America/Toronto";
    const late = zonedToUtc("2026-03-10T23:30", timeZone)!;
    const early = zonedToUtc("2026-03-11T00:30", timeZone)!;
    const lateSameUtcDay = zonedToUtc("2026-03-10T20:00", timeZone)!;
    const { org, post, contest, membershipId } = await setup({
      org: { timeZone },
      rules: { share: { linkedin: 10, x: 10, facebook: 10 }, caps: { daily: 10, share: null, click: null, action: null, bonus: null } },
      contest: { startsAt: new Date("2026-03-09T00:00:00Z"), endsAt: new Date("2026-03-13T00:00:00Z") },
    });
    // 20:00 and 23:30 in Toronto fall on one local day (two UTC days): the second is capped.
    // 00:30 the next morning is a new local day (the same UTC day as 23:30): it scores.
    const a = await createShare(org, membershipId, post.id, "linkedin", lateSameUtcDay);
    const b = await createShare(org, membershipId, post.id, "x", late);
    const c = await createShare(org, membershipId, post.id, "facebook", early);
    for (const s of [a, b, c]) await scoreShare(org.id, s.share.id);
    expect((await ledger(contest.id)).map((r) => [r.network, r.day, r.points])).toEqual([["linkedin", "2026-03-10", 10], ["facebook", "2026-03-11", 10]]);
  });

  it("scores by the rule version in force when the event happened", async () => {
    const { org, post, contest, membershipId } = await setup({ rules: { share: { linkedin: 10, x: 5 } } });
    await db.insert(contestRuleVersions).values({ organizationId: org.id, contestId: contest.id, effectiveFrom: new Date(Date.now() - 60_000), rules: rulesWith({ share: { linkedin: 50, x: 50 } }) });
    const before = await createShare(org, membershipId, post.id, "linkedin", new Date(Date.now() - 120_000));
    const after = await createShare(org, membershipId, post.id, "x");
    for (const s of [before, after]) await scoreShare(org.id, s.share.id);
    expect((await ledger(contest.id)).map((r) => [r.network, r.points])).toEqual([["linkedin", 10], ["x", 50]]);
  });
});

describe("the ledger", () => {
  it("refuses updates and deletes: it is append-only", async () => {
    const { org, post, contest, membershipId } = await setup();
    await scoreShare(org.id, (await createShare(org, membershipId, post.id)).share.id);
    await expect(db.execute(sql`update contest_points set points = 1000 where contest_id = ${contest.id}`)).rejects.toThrow();
    await expect(db.execute(sql`delete from contest_points where contest_id = ${contest.id}`)).rejects.toThrow();
    expect((await ledger(contest.id)).map((r) => r.points)).toEqual([10]);
  });

  it("refuses a row whose organisation is not its contest's", async () => {
    const { contest, membershipId } = await setup();
    const other = await createOrg();
    const insert = (orgId: string) =>
      db.execute(sql`insert into contest_points (organization_id, contest_id, membership_id, points, source, idempotency_key, day, occurred_at)
        values (${orgId}, ${contest.id}, ${membershipId}, 5, 'share', ${`test:${orgId}`}, '2026-03-09', now())`);
    await expect(insert(other.id)).rejects.toThrow();
    await insert(contest.organizationId);
    expect((await ledger(contest.id)).map((r) => r.points)).toEqual([5]);
  });

  it("goes with its organisation when the organisation is deleted", async () => {
    const { org, post, contest, membershipId } = await setup();
    await scoreShare(org.id, (await createShare(org, membershipId, post.id)).share.id);
    await db.execute(sql`delete from organizations where id = ${org.id}`);
    expect(await ledger(contest.id)).toEqual([]);
  });
});
