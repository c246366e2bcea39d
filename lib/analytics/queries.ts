// No "server-only": the benchmark and the report link's page read these too.
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { analyticsDaily, analyticsDailyHours, analyticsDailyMembers, analyticsDailyPosts, analyticsRates, campaigns, keyMoments, memberships } from "@/db/schema";
import type { Objective } from "@/db/schema/campaigns";
import { network as networkEnum, type Locale, type Network } from "@/db/schema/enums";
import { nameInLocale, nameInLocaleSql } from "@/lib/campaigns/names";
import { AppError } from "@/lib/errors";
import { inOrg, type Tenant } from "@/lib/tenancy";
import { DEFAULT_RATES, estimate, type NetworkFigures, type Rates } from "./method";
import { getRebuildInProgress } from "./rebuild-time-zone";

export type Period = { from: string; to: string };
export type Scope = { campaignId?: string | null; period: Period; compareTo?: Period | null };
type Org = Pick<Tenant, "orgId">;

export async function getRates(tenant: Org): Promise<Record<Network, Rates>> {
  const rows = await db.select().from(analyticsRates).where(inOrg(analyticsRates, tenant));
  const rates = { ...DEFAULT_RATES };
  for (const row of rows) rates[row.network] = { defaultAudience: row.defaultAudience, viewRate: row.viewRate, cpm: row.cpm, cpc: row.cpc };
  return rates;
}

export async function setRates(tenant: Org, network: Network, rates: Rates) {
  await db
    .insert(analyticsRates)
    .values({ organizationId: tenant.orgId, network, ...rates })
    .onConflictDoUpdate({ target: [analyticsRates.organizationId, analyticsRates.network], set: { ...rates, updatedAt: new Date() } });
}

// A period is days of the organisation's calendar, `from` and `to` included.
type DailyTable = typeof analyticsDaily | typeof analyticsDailyPosts | typeof analyticsDailyMembers | typeof analyticsDailyHours;
const daysOf = (table: DailyTable, period: Period) => sql`${table.day} between ${period.from}::date and ${period.to}::date`;
const ofCampaign = (table: DailyTable, campaignId?: string | null) => (campaignId ? eq(table.campaignId, campaignId) : undefined);
const scoped = (table: DailyTable, tenant: Org, campaignId: string | null | undefined, period: Period) =>
  inOrg(table, tenant, daysOf(table, period), ofCampaign(table, campaignId));

const FIGURES = {
  shares: sql<number>`coalesce(sum(shares), 0)`.mapWith(Number),
  reachDeclared: sql<number>`coalesce(sum(reach_declared), 0)`.mapWith(Number),
  sharesUndeclared: sql<number>`coalesce(sum(shares_undeclared), 0)`.mapWith(Number),
  clicks: sql<number>`coalesce(sum(clicks), 0)`.mapWith(Number),
  uniqueClicks: sql<number>`coalesce(sum(unique_clicks), 0)`.mapWith(Number),
  bot: sql<number>`coalesce(sum(filtered_bot), 0)`.mapWith(Number),
  preview: sql<number>`coalesce(sum(filtered_preview), 0)`.mapWith(Number),
  head: sql<number>`coalesce(sum(filtered_head), 0)`.mapWith(Number),
  prefetch: sql<number>`coalesce(sum(filtered_prefetch), 0)`.mapWith(Number),
  repeat: sql<number>`coalesce(sum(filtered_repeat), 0)`.mapWith(Number),
  self: sql<number>`coalesce(sum(filtered_self), 0)`.mapWith(Number),
  actions: sql<number>`coalesce(sum(actions), 0)`.mapWith(Number),
};
type Figures = { [K in keyof typeof FIGURES]: number };
export const FILTER_REASONS = ["preview", "bot", "repeat", "self", "head", "prefetch"] as const;

async function figuresByNetwork(tenant: Org, campaignId: string | null | undefined, period: Period) {
  return db
    .select({ network: analyticsDailyPosts.network, ...FIGURES })
    .from(analyticsDailyPosts)
    .where(scoped(analyticsDailyPosts, tenant, campaignId, period))
    .groupBy(analyticsDailyPosts.network);
}

async function activeMembers(tenant: Org, campaignId: string | null | undefined, period: Period) {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${analyticsDailyMembers.membershipId})`.mapWith(Number) })
    .from(analyticsDailyMembers)
    .where(and(scoped(analyticsDailyMembers, tenant, campaignId, period), sql`(${analyticsDailyMembers.shares} > 0 or ${analyticsDailyMembers.actions} > 0)`));
  return row.n;
}

function total(rows: (Figures & { network: Network | null })[], rates: Record<Network, Rates>, active: number, members: number) {
  const sum = Object.fromEntries(Object.keys(FIGURES).map((k) => [k, rows.reduce((acc, r) => acc + r[k as keyof Figures], 0)])) as Figures;
  const filtered = FILTER_REASONS.reduce((acc, reason) => acc + sum[reason], 0);
  return {
    ...sum,
    filtered,
    clicksPerShare: sum.shares ? Math.round((sum.clicks / sum.shares) * 100) / 100 : 0,
    activeMembers: active,
    members,
    participationRate: members ? Math.round((active / members) * 1000) / 10 : 0,
    ...estimate(rows as NetworkFigures[], rates),
  };
}
export type Totals = ReturnType<typeof total>;

// The period of the same length just before `period`.
export function previousPeriod(period: Period): Period {
  const from = new Date(`${period.from}T00:00:00Z`);
  const to = new Date(`${period.to}T00:00:00Z`);
  const days = Math.round((to.getTime() - from.getTime()) / 86_400_000) + 1;
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return { from: day(new Date(from.getTime() - days * 86_400_000)), to: day(new Date(from.getTime() - 86_400_000)) };
}

async function orgTimeZone(tenant: Org) {
  const [row] = await db.execute<{ tz: string }>(sql`select time_zone as tz from organizations where id = ${tenant.orgId}`);
  if (!row) throw new AppError("not_found", "Organisation not found");
  return row.tz;
}

// The campaign's name as a reader of `locale` sees it (the English one when the lead typed it).
export async function getCampaignForReport(tenant: Org, campaignId: string, locale: Locale) {
  const [campaign] = await db
    .select({ id: campaigns.id, name: campaigns.name, nameEn: campaigns.nameEn, objectives: campaigns.objectives, startsAt: campaigns.startsAt, endsAt: campaigns.endsAt })
    .from(campaigns)
    .where(inOrg(campaigns, tenant, eq(campaigns.id, campaignId)));
  if (!campaign) throw new AppError("not_found", "Campaign not found");
  const { nameEn, ...rest } = campaign;
  return { ...rest, name: nameInLocale(campaign.name, nameEn, locale) };
}

function objectiveProgress(objectives: Objective[], totals: Totals) {
  const done = { shares: totals.shares, clicks: totals.clicks, actions: totals.actions, members: totals.activeMembers };
  return objectives.map((o) => ({ ...o, done: done[o.metric], percent: o.target ? Math.min(100, Math.round((done[o.metric] / o.target) * 100)) : 0 }));
}

type SummaryRow = { day: string | null; postId: string | null; g: number; shares: number; clicks: number; uniqueClicks: number; actions: number; title: string | null };

// Everything one dashboard page shows, read from the rollups' daily summaries only (never raw
// clicks, never the full rollups): the posts summary by network (every figure) for the period
// and for the period compared, and once more by day and by post (grouping sets, four
// figures); the members summary once (members, groups and languages from that); the hours
// summary once. Each is a few thousand rows for a quarter of a large organisation. Names and
// titles (campaign, key moments, posts) are in the reader's language when they were written in it.
export async function getDashboard(tenant: Org, scope: Scope, locale: Locale) {
  const { campaignId, period } = scope;
  const compareTo = scope.compareTo ?? previousPeriod(period);
  const zone = sql`(select time_zone from organizations where id = ${tenant.orgId})`;
  const [rebuild, tz, rates, networks, summaryRows, hourRows, before, memberFigures, activeBefore, members, campaign, moments] = await Promise.all([
    getRebuildInProgress(tenant),
    orgTimeZone(tenant),
    getRates(tenant),
    figuresByNetwork(tenant, campaignId, period),
    db.execute<SummaryRow>(sql`
      with s as (
        select to_char(day, 'YYYY-MM-DD') as day, post_id as "postId", grouping(day, post_id)::int as g,
          sum(shares)::int as shares, sum(clicks)::int as clicks, sum(unique_clicks)::int as "uniqueClicks", sum(actions)::int as actions
        from analytics_daily_posts where ${scoped(analyticsDailyPosts, tenant, campaignId, period)}
        group by grouping sets ((day), (post_id))),
      ranked as (select s.*, row_number() over (partition by g, "postId" is null order by clicks desc, shares desc, "postId") as rank from s)
      select ranked.*, case when g = 2 then (
          select title from post_variants v where v.post_id = ranked."postId" and v.organization_id = ${tenant.orgId} order by (locale = ${locale}) desc limit 1)
        end as title
      from ranked where g = 1 or ("postId" is not null and rank <= 50)`),
    db
      .select({ hour: analyticsDailyHours.hourOfDay, shares: FIGURES.shares, clicks: FIGURES.clicks })
      .from(analyticsDailyHours)
      .where(scoped(analyticsDailyHours, tenant, campaignId, period))
      .groupBy(analyticsDailyHours.hourOfDay)
      .orderBy(analyticsDailyHours.hourOfDay),
    figuresByNetwork(tenant, campaignId, compareTo),
    db.execute<{ active: number; byMember: { membershipId: string; name: string; shares: number; clicks: number; actions: number }[]; byGroup: { name: string; shares: number; clicks: number; actions: number }[]; byLanguage: { language: string; shares: number; clicks: number; actions: number }[] }>(sql`
      with m as materialized (
        select membership_id, sum(shares)::int as shares, sum(clicks)::int as clicks, sum(actions)::int as actions
        from analytics_daily_members where ${scoped(analyticsDailyMembers, tenant, campaignId, period)} and membership_id is not null group by membership_id),
      top as (select * from m order by clicks desc, shares desc, membership_id limit 50)
      select (select count(*) from m where shares > 0 or actions > 0)::int as active,
        (select coalesce(jsonb_agg(t), '[]') from (
          select top.membership_id as "membershipId", coalesce(u.name, u.email) as name, top.shares, top.clicks, top.actions
          from top join memberships ms on ms.id = top.membership_id join users u on u.id = ms.user_id
          order by top.clicks desc, top.shares desc, top.membership_id) t) as "byMember",
        (select coalesce(jsonb_agg(t), '[]') from (
          select g.name, sum(m.shares)::int as shares, sum(m.clicks)::int as clicks, sum(m.actions)::int as actions
          from m join group_members gm on gm.membership_id = m.membership_id join groups g on g.id = gm.group_id
          group by g.name order by sum(m.clicks) desc, g.name limit 50) t) as "byGroup",
        (select coalesce(jsonb_agg(t), '[]') from (
          select coalesce(u.locale::text, '') as language, sum(m.shares)::int as shares, sum(m.clicks)::int as clicks, sum(m.actions)::int as actions
          from m join memberships ms on ms.id = m.membership_id join users u on u.id = ms.user_id
          group by 1 order by 1) t) as "byLanguage"`).then(([row]) => row),
    activeMembers(tenant, campaignId, compareTo),
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(memberships)
      .where(inOrg(memberships, tenant, eq(memberships.status, "active")))
      .then(([row]) => row.n),
    campaignId ? getCampaignForReport(tenant, campaignId, locale) : Promise.resolve(null),
    db
      .select({ title: sql<string>`${nameInLocaleSql(sql`${keyMoments.title}`, sql`${keyMoments.titleEn}`, locale)}`, day: sql<string>`to_char(${keyMoments.startsAt} at time zone ${zone}, 'YYYY-MM-DD')` })
      .from(keyMoments)
      .where(
        inOrg(
          keyMoments,
          tenant,
          campaignId ? eq(keyMoments.campaignId, campaignId) : undefined,
          sql`${keyMoments.startsAt} >= (${period.from}::date)::timestamp at time zone ${zone} and ${keyMoments.startsAt} < (${period.to}::date + 1)::timestamp at time zone ${zone}`,
        ),
      )
      .orderBy(keyMoments.startsAt),
  ]);
  const rows = [...summaryRows];
  // grouping() bits, left to right: day, post (1 = not grouped by it).
  const series = rows
    .filter((r) => r.g === 0b01)
    .map((r) => ({ day: r.day!, shares: r.shares, clicks: r.clicks, uniqueClicks: r.uniqueClicks, actions: r.actions }))
    .sort((a, b) => a.day.localeCompare(b.day));
  const byHour = hourRows.map((r) => ({ hour: r.hour, shares: r.shares, clicks: r.clicks }));
  // A post's title in the reader's language, else its other one.
  const byPost = rows
    .filter((r) => r.g === 0b10 && r.postId)
    .sort((a, b) => b.clicks - a.clicks || b.shares - a.shares)
    .slice(0, 50)
    .map((r) => ({ postId: r.postId, title: r.title ?? "", shares: r.shares, clicks: r.clicks, uniqueClicks: r.uniqueClicks }));
  const totals = total(networks, rates, memberFigures.active, members);
  const previous = total(before, rates, activeBefore, members);
  const networkRows = networks
    .filter((n) => n.network)
    .map((n) => ({ network: n.network as Network, shares: n.shares, clicks: n.clicks, uniqueClicks: n.uniqueClicks, ...estimate([n], rates) }))
    .sort((a, b) => b.clicks - a.clicks);
  return {
    timeZone: tz,
    // A recount on a new time zone under way: these figures are still the old clock's.
    rebuild,
    period,
    compareTo,
    totals,
    previous,
    rates,
    usedNetworks: networkEnum.enumValues.filter((n) => networks.some((row) => row.network === n)),
    series,
    byNetwork: networkRows,
    byPost,
    byMember: memberFigures.byMember,
    byGroup: memberFigures.byGroup,
    byLanguage: memberFigures.byLanguage,
    byHour,
    campaign,
    objectives: campaign ? objectiveProgress(campaign.objectives, totals) : [],
    moments,
  };
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;

// The member's own impact, same rollups and same definitions as the dashboards.
export async function getMemberImpact(tenant: Tenant, period: Period) {
  if (!tenant.membershipId) throw new AppError("forbidden", "Only a member has an impact");
  const rates = await getRates(tenant);
  const rows = await db
    .select({ network: analyticsDaily.network, ...FIGURES })
    .from(analyticsDaily)
    .where(inOrg(analyticsDaily, tenant, eq(analyticsDaily.membershipId, tenant.membershipId), daysOf(analyticsDaily, period)))
    .groupBy(analyticsDaily.network);
  const active = rows.some((r) => r.shares > 0 || r.actions > 0) ? 1 : 0;
  return total(rows, rates, active, 1);
}
