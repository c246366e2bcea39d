import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { shares } from "@/db/schema";
import { emit } from "@/lib/jobs/outbox";
import { rebuildRollups } from "@/lib/analytics/rollup";
import { createMember } from "@/tests/factories";
import { sharedLink } from "../tracked-links/support";
import { applyEvent, applyEvents, eventsOf, ingest, rawTotals, rollupTotals } from "./support";

const MIXED = (n: number, at = Date.now()) =>
  Array.from({ length: n }, (_, i) => ({
    at: at + i,
    // Every fifth click comes back from the same visitor: a repeat.
    visitor: i % 5 === 4 ? "same-visitor" : undefined,
    filter: (["", "", "", "bot", "preview", "head", "prefetch"] as const)[i % 7],
  }));

describe("rollups", () => {
  it("equal the raw counts after concurrent ingestion, whatever the order and the replays", async () => {
    const { org, code } = await sharedLink();
    await Promise.all(Array.from({ length: 8 }, (_, b) => ingest(code, MIXED(60, Date.now() - b * 3_600_000))));
    // Every event applied twice, all at once: replays add nothing.
    await Promise.all([applyEvents(org.id), applyEvents(org.id)]);
    const raw = await rawTotals(org.id);
    expect(raw.clicks).toBeGreaterThan(0);
    expect(raw.repeat).toBeGreaterThan(0);
    const { hourly, daily, summaries } = await rollupTotals(org.id);
    expect(hourly).toEqual({ ...raw, actions: 0 });
    expect(daily).toEqual({ ...raw, actions: 0 });
    expect(summaries).toEqual({ posts: daily, members: daily, hours: daily });
  });

  it("keep every filtered click with its reason", async () => {
    const { org, code } = await sharedLink();
    await ingest(code, [
      { at: Date.now() },
      { at: Date.now(), filter: "preview" },
      { at: Date.now(), filter: "preview" },
      { at: Date.now(), filter: "bot" },
      { at: Date.now(), filter: "head" },
      { at: Date.now(), filter: "prefetch" },
      { at: Date.now(), visitor: "v" },
      { at: Date.now(), visitor: "v" },
    ]);
    await applyEvents(org.id);
    const { daily } = await rollupTotals(org.id);
    expect(daily).toMatchObject({ clicks: 2, uniqueClicks: 2, preview: 2, bot: 1, head: 1, prefetch: 1, repeat: 1, self: 0 });
  });

  it("count a share and an action done once each, however often their events are applied", async () => {
    const { org, member } = await sharedLink();
    await emit(db, { type: "action.completed", orgId: org.id, payload: { alertId: "alr_1", actionId: "act_1", membershipId: member.membership.id, userId: member.user.id, kind: "call" } });
    const [share] = await eventsOf(org.id, "share.recorded");
    const [action] = await eventsOf(org.id, "action.completed");
    expect(await applyEvent(share)).toBe(true);
    expect(await applyEvent(share)).toBe(false);
    expect(await applyEvent(action)).toBe(true);
    expect(await applyEvent(action)).toBe(false);
    const { hourly, daily } = await rollupTotals(org.id);
    expect(hourly).toMatchObject({ shares: 1, actions: 1 });
    expect(daily).toMatchObject({ shares: 1, actions: 1 });
  });

  it("count an action done under the campaign its event names, and without one when it names none or another organisation's", async () => {
    const { org, member, campaign } = await sharedLink();
    const other = await sharedLink();
    const payload = { alertId: "alr_c", actionId: "act_c", membershipId: member.membership.id, userId: member.user.id, kind: "email" };
    await emit(db, { type: "action.completed", orgId: org.id, payload: { ...payload, campaignId: campaign!.id } });
    await emit(db, { type: "action.completed", orgId: org.id, payload: { ...payload, actionId: "act_d", campaignId: null } });
    await emit(db, { type: "action.completed", orgId: org.id, payload: { ...payload, actionId: "act_e" } });
    await emit(db, { type: "action.completed", orgId: org.id, payload: { ...payload, actionId: "act_f", campaignId: other.campaign!.id } });
    for (const event of await eventsOf(org.id, "action.completed")) expect(await applyEvent(event)).toBe(true);
    const byCampaign = async (table: "analytics_hourly" | "analytics_daily") =>
      db.execute<{ campaign: string | null; actions: number }>(sql`
        select campaign_id as campaign, sum(actions)::int as actions from ${sql.raw(table)}
        where organization_id = ${org.id} and actions > 0 group by 1 order by 1 nulls last`);
    for (const table of ["analytics_hourly", "analytics_daily"] as const) {
      expect([...(await byCampaign(table))]).toEqual([
        { campaign: campaign!.id, actions: 1 },
        { campaign: null, actions: 3 },
      ]);
    }
    // A rebuild recounts clicks and shares from raw rows and keeps the actions where they were.
    await rebuildRollups(org.id);
    expect([...(await byCampaign("analytics_daily"))]).toEqual([
      { campaign: campaign!.id, actions: 1 },
      { campaign: null, actions: 3 },
    ]);
  });

  it("a rebuild from raw rows counts what events not yet applied would have added, once", async () => {
    const { org, code } = await sharedLink();
    await ingest(code, MIXED(30));
    await rebuildRollups(org.id);
    await applyEvents(org.id);
    const raw = await rawTotals(org.id);
    const { daily, summaries } = await rollupTotals(org.id);
    expect(daily).toEqual({ ...raw, actions: 0 });
    expect(summaries).toEqual({ posts: daily, members: daily, hours: daily });
  });

  it("reach counts the sharer's declared followers, or none declared", async () => {
    const { org, member, post, link } = await sharedLink();
    await db.execute(sql`insert into member_audiences (organization_id, membership_id, network, followers) values (${org.id}, ${member.membership.id}, 'linkedin', 1200)`);
    const other = await createMember(org);
    await db.insert(shares).values([member, other].map((m) => ({ organizationId: org.id, membershipId: m.membership.id, postId: post.id, network: "linkedin" as const, linkId: link.id })));
    await rebuildRollups(org.id);
    const [row] = await db.execute(sql`select sum(reach_declared)::int as declared, sum(shares_undeclared)::int as undeclared, sum(shares)::int as shares from analytics_daily where organization_id = ${org.id}`);
    // A rebuild reads today's declarations: two shares by the member who declared 1,200.
    expect(row).toEqual({ declared: 2400, undeclared: 1, shares: 3 });
  });
});
