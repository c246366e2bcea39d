// No "server-only": the benchmark and the report link's page read these too.
import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { analyticsDaily, analyticsHourly, analyticsRates, campaigns, keyMoments, memberships } from "@/db/schema";
import type { Objective } from "@/db/schema/campaigns";
import { network as networkEnum, type Network } from "@/db/schema/enums";
import { AppError } from "@/lib/errors";
import { inOrg, type Tenant } from "@/lib/tenancy";
import { DEFAULT_RATES, estimate, type NetworkFigures, type Rates } from "./method";
import { METRICS } from "./rollup";

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

const SUMS = sql.raw(
  [
    "coalesce(sum(shares), 0)::int as shares",
    'coalesce(sum(reach_declared), 0)::bigint as "reachDeclared"',
    'coalesce(sum(shares_undeclared), 0)::int as "sharesUndeclared"',
    "coalesce(sum(clicks), 0)::int as clicks",
    'coalesce(sum(unique_clicks), 0)::int as "uniqueClicks"',
    "coalesce(sum(filtered_bot), 0)::int as bot",
    "coalesce(sum(filtered_preview), 0)::int as preview",
    "coalesce(sum(filtered_head), 0)::int as head",
    "coalesce(sum(filtered_prefetch), 0)::int as prefetch",
    "coalesce(sum(filtered_repeat), 0)::int as repeat",
    "coalesce(sum(filtered_self), 0)::int as self",
    "coalesce(sum(actions), 0)::int as actions",
  ].join(", "),
);
const METRIC_COLUMNS = sql.raw(METRICS.join(", "));
const METRIC_SUMS = sql.raw(METRICS.map((m) => `sum(${m}) as ${m}`).join(", "));
type HourlyRow = Figures & { network: Network | null; day: string | null; hour: number | null; postId: string | null; g: number };

// Everything one dashboard page shows, read from the rollups only (never raw clicks). The
// hourly rollup is read once (grouping sets: by network, by hour, by post; only the few
// hour totals are then turned into local days and hours of the day, rather than every
// row of the period) and the daily one once (per member, then members, groups and languages from that),
// so a page costs two scans of its period, however many tables it shows.
export async function getDashboard(tenant: Org, scope: Scope) {
  const tz = await orgTimeZone(tenant);
  const { campaignId, period } = scope;
  const compareTo = scope.compareTo ?? previousPeriod(period);
  const hourly = inOrg(analyticsHourly, tenant, hoursOf(tz, period), ofCampaign(analyticsHourly, campaignId));
  const daily = inOrg(analyticsDaily, tenant, daysOf(period), ofCampaign(analyticsDaily, campaignId));
  const [rates, hourlyRows, before, memberFigures, activeBefore, members, campaign, moments] = await Promise.all([
    getRates(tenant),
    db.execute<HourlyRow>(sql`
      with h as materialized (
        select network, hour, post_id, grouping(network, hour, post_id) as g, ${METRIC_SUMS}
        from analytics_hourly where ${hourly}
        group by grouping sets ((network), (hour), (post_id))),
      hours as (
        select to_char(hour at time zone ${tz}, 'YYYY-MM-DD') as day, extract(hour from hour at time zone ${tz})::int as hod, ${METRIC_COLUMNS}
        from h where g = 5)
      select network, null::text as day, null::int as hour, post_id as "postId", (case g when 3 then 7 else 14 end)::int as g, ${SUMS}
      from h where g in (3, 6) group by network, post_id, g
      union all
      select null, day, hod, null, (case grouping(day, hod) when 1 then 11 else 13 end)::int, ${SUMS}
      from hours group by grouping sets ((day), (hod))`),
    figuresByNetwork(tenant, tz, campaignId, compareTo),
    db.execute<{ active: number; byMember: { membershipId: string; name: string; shares: number; clicks: number; actions: number }[]; byGroup: { name: string; shares: number; clicks: number; actions: number }[]; byLanguage: { language: string; shares: number; clicks: number; actions: number }[] }>(sql`
      with m as materialized (
        select membership_id, sum(shares)::int as shares, sum(clicks)::int as clicks, sum(actions)::int as actions, bool_or(shares > 0 or actions > 0) as active
        from analytics_daily where ${daily} and membership_id is not null group by membership_id)
      select (select count(*) from m where active)::int as active,
        (select coalesce(jsonb_agg(t), '[]') from (
          select m.membership_id as "membershipId", coalesce(u.name, u.email) as name, m.shares, m.clicks, m.actions
          from m join memberships ms on ms.id = m.membership_id join users u on u.id = ms.user_id
          order by m.clicks desc, m.shares desc, m.membership_id limit 50) t) as "byMember",
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
  const rows = [...hourlyRows].map((r) => ({ ...r, reachDeclared: Number(r.reachDeclared) }));
  // grouping() bits, left to right: network, day, hour, post (1 = not grouped by it).
  const networks = rows.filter((r) => r.g === 0b0111);
  const series = rows
    .filter((r) => r.g === 0b1011)
    .map((r) => ({ day: r.day!, shares: r.shares, clicks: r.clicks, uniqueClicks: r.uniqueClicks, actions: r.actions }))
    .sort((a, b) => a.day.localeCompare(b.day));
  const byHour = rows
    .filter((r) => r.g === 0b1101)
    .map((r) => ({ hour: r.hour!, shares: r.shares, clicks: r.clicks }))
    .sort((a, b) => a.hour - b.hour);
  const topPosts = rows
    .filter((r) => r.g === 0b1110 && r.postId)
    .sort((a, b) => b.clicks - a.clicks || b.shares - a.shares)
    .slice(0, 50);
  const titles = await postTitles(tenant, topPosts.map((p) => p.postId!));
  const byPost = topPosts.map((r) => ({ postId: r.postId, title: titles.get(r.postId!) ?? "", shares: r.shares, clicks: r.clicks, uniqueClicks: r.uniqueClicks }));
  const totals = total(networks, rates, memberFigures.active, members);
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
    byMember: memberFigures.byMember,
    byGroup: memberFigures.byGroup,
    byLanguage: memberFigures.byLanguage,
    byHour,
    campaign,
    objectives: campaign ? objectiveProgress(campaign.objectives, totals) : [],
    moments,
  };
}

// A post's title in French, else its other language.
async function postTitles(tenant: Org, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.execute<{ id: string; title: string }>(sql`
    select distinct on (post_id) post_id as id, title from post_variants
    where organization_id = ${tenant.orgId} and post_id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) order by post_id, (locale = 'fr') desc`);
  return new Map(rows.map((r) => [r.id, r.title]));
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
