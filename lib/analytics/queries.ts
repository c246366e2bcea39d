// No "server-only": the benchmark and the report link's page read these too.
import { and, eq, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { analyticsDaily, analyticsHourly, analyticsRates, campaigns, keyMoments, memberships } from "@/db/schema";
import type { Objective } from "@/db/schema/campaigns";
import { network as networkEnum, type Network } from "@/db/schema/enums";
import { AppError } from "@/lib/errors";
import { inOrg, type Tenant } from "@/lib/tenancy";
import { DEFAULT_RATES, estimate, type NetworkFigures, type Rates } from "./method";

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

// A period is days of the organisation's calendar, `from` and `to` included: an hour
// belongs to it when it starts between local midnight of `from` and local midnight after `to`.
const hoursOf = (tz: string, period: Period) =>
  sql`${analyticsHourly.hour} >= (${period.from}::date)::timestamp at time zone ${tz} and ${analyticsHourly.hour} < (${period.to}::date + 1)::timestamp at time zone ${tz}`;
const daysOf = (period: Period) => sql`${analyticsDaily.day} between ${period.from}::date and ${period.to}::date`;
const ofCampaign = (table: typeof analyticsHourly | typeof analyticsDaily, campaignId?: string | null) => (campaignId ? eq(table.campaignId, campaignId) : undefined);

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

async function figuresByNetwork(tenant: Org, tz: string, campaignId: string | null | undefined, period: Period) {
  return db
    .select({ network: analyticsHourly.network, ...FIGURES })
    .from(analyticsHourly)
    .where(inOrg(analyticsHourly, tenant, hoursOf(tz, period), ofCampaign(analyticsHourly, campaignId)))
    .groupBy(analyticsHourly.network);
}

async function activeMembers(tenant: Org, campaignId: string | null | undefined, period: Period) {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${analyticsDaily.membershipId})`.mapWith(Number) })
    .from(analyticsDaily)
    .where(inOrg(analyticsDaily, tenant, daysOf(period), ofCampaign(analyticsDaily, campaignId), sql`(${analyticsDaily.shares} > 0 or ${analyticsDaily.actions} > 0)`));
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

export async function getCampaignForReport(tenant: Org, campaignId: string) {
  const [campaign] = await db
    .select({ id: campaigns.id, name: campaigns.name, objectives: campaigns.objectives, startsAt: campaigns.startsAt, endsAt: campaigns.endsAt })
    .from(campaigns)
    .where(inOrg(campaigns, tenant, eq(campaigns.id, campaignId)));
  if (!campaign) throw new AppError("not_found", "Campaign not found");
  return campaign;
}

function objectiveProgress(objectives: Objective[], totals: Totals) {
  const done = { shares: totals.shares, clicks: totals.clicks, actions: totals.actions, members: totals.activeMembers };
  return objectives.map((o) => ({ ...o, done: done[o.metric], percent: o.target ? Math.min(100, Math.round((done[o.metric] / o.target) * 100)) : 0 }));
}

const postTitle = (postId: SQL | string) =>
  sql<string>`coalesce((select v.title from post_variants v where v.post_id = ${postId} order by (v.locale = 'fr') desc limit 1), '')`;

// Everything one dashboard page shows, read from the rollups only (never raw clicks), in
// parallel queries.
export async function getDashboard(tenant: Org, scope: Scope) {
  const tz = await orgTimeZone(tenant);
  const { campaignId, period } = scope;
  const compareTo = scope.compareTo ?? previousPeriod(period);
  const hourly = inOrg(analyticsHourly, tenant, hoursOf(tz, period), ofCampaign(analyticsHourly, campaignId));
  const daily = inOrg(analyticsDaily, tenant, daysOf(period), ofCampaign(analyticsDaily, campaignId));
  const [rates, networks, before, active, activeBefore, members, series, byPost, byMember, byGroup, byLanguage, byHour, campaign, moments] = await Promise.all([
    getRates(tenant),
    figuresByNetwork(tenant, tz, campaignId, period),
    figuresByNetwork(tenant, tz, campaignId, compareTo),
    activeMembers(tenant, campaignId, period),
    activeMembers(tenant, campaignId, compareTo),
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(memberships)
      .where(inOrg(memberships, tenant, eq(memberships.status, "active")))
      .then(([row]) => row.n),
    db
      .select({ day: sql<string>`to_char(${analyticsHourly.hour} at time zone ${tz}, 'YYYY-MM-DD')`, shares: FIGURES.shares, clicks: FIGURES.clicks, uniqueClicks: FIGURES.uniqueClicks, actions: FIGURES.actions })
      .from(analyticsHourly)
      .where(hourly)
      .groupBy(sql`1`)
      .orderBy(sql`1`),
    db
      .select({ postId: analyticsHourly.postId, title: postTitle(sql`${analyticsHourly.postId}`), shares: FIGURES.shares, clicks: FIGURES.clicks, uniqueClicks: FIGURES.uniqueClicks })
      .from(analyticsHourly)
      .where(and(hourly, sql`${analyticsHourly.postId} is not null`))
      .groupBy(analyticsHourly.postId)
      .orderBy(sql`sum(clicks) desc`)
      .limit(50),
    db
      .select({
        membershipId: analyticsDaily.membershipId,
        name: sql<string>`(select coalesce(u.name, u.email) from memberships m join users u on u.id = m.user_id where m.id = ${analyticsDaily.membershipId})`,
        shares: FIGURES.shares,
        clicks: FIGURES.clicks,
        actions: FIGURES.actions,
      })
      .from(analyticsDaily)
      .where(and(daily, sql`${analyticsDaily.membershipId} is not null`))
      .groupBy(analyticsDaily.membershipId)
      .orderBy(sql`sum(clicks) desc, sum(shares) desc`)
      .limit(50),
    db.execute<{ name: string; shares: number; clicks: number; actions: number }>(sql`
      select g.name, sum(d.shares)::int as shares, sum(d.clicks)::int as clicks, sum(d.actions)::int as actions
      from (select membership_id, sum(shares) as shares, sum(clicks) as clicks, sum(actions) as actions from analytics_daily where ${daily} group by membership_id) d
      join group_members gm on gm.membership_id = d.membership_id join groups g on g.id = gm.group_id
      group by g.name order by sum(d.clicks) desc limit 50`),
    db.execute<{ language: string; shares: number; clicks: number; actions: number }>(sql`
      select coalesce(u.locale::text, '') as language, sum(d.shares)::int as shares, sum(d.clicks)::int as clicks, sum(d.actions)::int as actions
      from (select membership_id, sum(shares) as shares, sum(clicks) as clicks, sum(actions) as actions from analytics_daily where ${daily} group by membership_id) d
      join memberships m on m.id = d.membership_id join users u on u.id = m.user_id
      group by 1 order by 1`),
    db
      .select({ hour: sql<number>`extract(hour from ${analyticsHourly.hour} at time zone ${tz})`.mapWith(Number), shares: FIGURES.shares, clicks: FIGURES.clicks })
      .from(analyticsHourly)
      .where(hourly)
      .groupBy(sql`1`)
      .orderBy(sql`1`),
    campaignId ? getCampaignForReport(tenant, campaignId) : Promise.resolve(null),
    db
      .select({ title: keyMoments.title, day: sql<string>`to_char(${keyMoments.startsAt} at time zone ${tz}, 'YYYY-MM-DD')` })
      .from(keyMoments)
      .where(
        inOrg(
          keyMoments,
          tenant,
          campaignId ? eq(keyMoments.campaignId, campaignId) : undefined,
          sql`${keyMoments.startsAt} >= (${period.from}::date)::timestamp at time zone ${tz} and ${keyMoments.startsAt} < (${period.to}::date + 1)::timestamp at time zone ${tz}`,
        ),
      )
      .orderBy(keyMoments.startsAt),
  ]);
  const totals = total(networks, rates, active, members);
  const previous = total(before, rates, activeBefore, members);
  const networkRows = networks
    .filter((n) => n.network)
    .map((n) => ({ network: n.network as Network, shares: n.shares, clicks: n.clicks, uniqueClicks: n.uniqueClicks, ...estimate([n], rates) }))
    .sort((a, b) => b.clicks - a.clicks);
  return {
    timeZone: tz,
    period,
    compareTo,
    totals,
    previous,
    rates,
    usedNetworks: networkEnum.enumValues.filter((n) => networks.some((row) => row.network === n)),
    series,
    byNetwork: networkRows,
    byPost,
    byMember,
    byGroup: [...byGroup],
    byLanguage: [...byLanguage],
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
    .where(inOrg(analyticsDaily, tenant, eq(analyticsDaily.membershipId, tenant.membershipId), daysOf(period)))
    .groupBy(analyticsDaily.network);
  const active = rows.some((r) => r.shares > 0 || r.actions > 0) ? 1 : 0;
  return total(rows, rates, active, 1);
}
