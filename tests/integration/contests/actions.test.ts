import { NextRequest } from "next/server";
import { eq } from "drizzle-orm";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { contestRuleVersions, contests, users } from "@/db/schema";
import { createContestAction, createScreenLinkAction, revokeScreenLinkAction, updateContestAction, voidPointsAction } from "@/lib/contests/actions";
import { getContestByScreenToken } from "@/lib/contests/queries";
import { scoreShare } from "@/lib/contests/score";
import { GET as exportStandings } from "@/app/api/orgs/[org]/contests/[id]/export/route";
import { createMember, createOrg } from "@/tests/factories";
import { createCampaign, createFeedPost } from "@/tests/integration/feed/fixtures";
import { actAs } from "@/tests/setup/request-context";
import { createRunningContest, createShare, dropBoards, ledger } from "./support";

async function asLead() {
  const org = await createOrg({ timeZone: "America/Toronto" });
  const lead = await createMember(org, { role: "lead" });
  await actAs(lead.user.id);
  return { org, lead };
}

const form = (org: string, extra: Record<string, unknown> = {}) => ({
  org,
  nameFr: "Défi des audiences",
  nameEn: "Hearings challenge",
  startsAt: "2030-02-10T09:00",
  endsAt: "2030-02-12T17:00",
  includeStaff: "on",
  prizes: "1 | Colloque | Conference\n2-3 | Carte-cadeau | Gift card",
  minScore: "20",
  share_linkedin: "10",
  click: "2",
  action_email: "20",
  keyMomentBonus: "5",
  cap_daily: "150",
  cap_click: "",
  ...extra,
});

describe("contest actions", () => {
  it("creates a contest with its window in the organisation's time zone, prizes and first points rules", async () => {
    const { org } = await asLead();
    const result = await createContestAction(form(org.slug));
    expect(result.ok).toBe(true);
    const id = (result as { data: { id: string } }).data.id;
    const [contest] = await db.select().from(contests).where(eq(contests.id, id));
    expect(contest.startsAt.toISOString()).toBe("2030-02-10T14:00:00.000Z");
    expect(contest).toMatchObject({ includeStaff: true, includeAdvocates: false, minScore: 20, prizes: [{ fromRank: 1, toRank: 1, labelEn: "Conference" }, { fromRank: 2, toRank: 3, labelFr: "Carte-cadeau" }] });
    const [version] = await db.select().from(contestRuleVersions).where(eq(contestRuleVersions.contestId, id));
    expect(version.effectiveFrom).toEqual(contest.startsAt);
    expect(version.rules).toMatchObject({ share: { linkedin: 10, x: 0 }, click: 2, action: { email: 20 }, caps: { daily: 150, click: null } });
  });

  it("refuses a malformed prize line, an end before the start, and a staff member", async () => {
    const { org } = await asLead();
    expect(await createContestAction(form(org.slug, { prizes: "first place: a mug" }))).toMatchObject({ ok: false, code: "bad_request", fieldErrors: { prizes: ["invalid_prizes"] } });
    expect(await createContestAction(form(org.slug, { endsAt: "2030-02-09T09:00" }))).toMatchObject({ ok: false, code: "bad_request" });
    const staff = await createMember(org, { role: "staff" });
    await actAs(staff.user.id);
    expect(await createContestAction(form(org.slug))).toEqual({ ok: false, code: "forbidden" });
  });

  it("replaces the rules before the start, and adds a dated version once the contest has started", async () => {
    const { org } = await asLead();
    const upcoming = (await createContestAction(form(org.slug))) as { data: { id: string } };
    await updateContestAction(form(org.slug, { id: upcoming.data.id, click: "4" }));
    expect(await db.select().from(contestRuleVersions).where(eq(contestRuleVersions.contestId, upcoming.data.id))).toMatchObject([{ rules: { click: 4 } }]);

    const running = await createRunningContest(org);
    const before = Date.now();
    const result = await updateContestAction(form(org.slug, { id: running.id, endsAt: "2031-01-01T00:00", click: "9" }));
    expect(result).toMatchObject({ ok: true, data: { newRules: true } });
    const versions = await db.select().from(contestRuleVersions).where(eq(contestRuleVersions.contestId, running.id)).orderBy(contestRuleVersions.effectiveFrom);
    expect(versions.map((v) => v.rules.click)).toEqual([2, 9]);
    expect(versions[1].effectiveFrom.getTime()).toBeGreaterThanOrEqual(before - 1000);
    // The start of a running contest stays where it was.
    const [after] = await db.select().from(contests).where(eq(contests.id, running.id));
    expect(after.startsAt).toEqual(running.startsAt);
  });

  it("creates, replaces and revokes the big-screen link", async () => {
    const { org } = await asLead();
    const contest = await createRunningContest(org);
    const first = (await createScreenLinkAction({ org: org.slug, id: contest.id })) as { data: { token: string } };
    const second = (await createScreenLinkAction({ org: org.slug, id: contest.id })) as { data: { token: string } };
    expect(await getContestByScreenToken(first.data.token)).toBeNull();
    expect((await getContestByScreenToken(second.data.token))?.id).toBe(contest.id);
    await revokeScreenLinkAction({ org: org.slug, id: contest.id });
    expect(await getContestByScreenToken(second.data.token)).toBeNull();
  });

  it("voids a member's points through the action, and exports standings a spreadsheet cannot run", async () => {
    const { org } = await asLead();
    const contest = await createRunningContest(org);
    const post = await createFeedPost(org, { campaignId: (await createCampaign(org)).id });
    const hostile = await createMember(org);
    await db.update(users).set({ name: "=HYPERLINK(\"http://evil.example\",\"x\")" }).where(eq(users.id, hostile.user.id));
    const other = await createMember(org);
    await scoreShare(org.id, (await createShare(org, hostile.membership.id, post.id, "linkedin")).share.id);
    await scoreShare(org.id, (await createShare(org, other.membership.id, post.id, "x")).share.id);
    expect(await voidPointsAction({ org: org.slug, id: contest.id, membershipId: other.membership.id, reason: "Doublon" })).toEqual({ ok: true, data: { reversed: 5 } });
    expect((await ledger(contest.id)).at(-1)).toMatchObject({ source: "reversal", points: -5, reason: "Doublon" });

    const response = await exportStandings(new NextRequest(`http://localhost:3000/api/orgs/${org.slug}/contests/${contest.id}/export`), { params: Promise.resolve({ org: org.slug, id: contest.id }) });
    expect(response.status).toBe(200);
    const { data } = Papa.parse<string[]>((await response.text()).replace(/^\uFEFF/, ""), { skipEmptyLines: true });
    expect(data[0]).toEqual(["rank", "name", "points", "qualifies", "prize_fr", "prize_en"]);
    expect(data[1]).toEqual(["1", "'=HYPERLINK(\"http://evil.example\",\"x\")", "10", "yes", "", ""]);
    expect(data[2].slice(0, 3)).toEqual(["2", expect.any(String), "0"]);
    await dropBoards(contest.id);
  });
});
