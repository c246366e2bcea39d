// No "server-only" here: the workers (plain Node) import this too.
import { sql, type SQL } from "drizzle-orm";
import { db, type Database, type Transaction } from "@/db/client";

// The figures of every rollup row (db/schema/analytics.ts), in one order.
export const METRICS = [
  "shares",
  "reach_declared",
  "shares_undeclared",
  "clicks",
  "unique_clicks",
  "filtered_bot",
  "filtered_preview",
  "filtered_head",
  "filtered_prefetch",
  "filtered_repeat",
  "filtered_self",
  "actions",
] as const;

const metricList = sql.raw(METRICS.join(", "));
const sums = sql.raw(METRICS.map((m) => `sum(${m})`).join(", "));
const addTo = (table: string) => sql.raw(METRICS.map((m) => `${m} = ${table}.${m} + excluded.${m}`).join(", "));

// The smaller pre-summed tables the dashboards read (db/schema/analytics.ts): each key is a
// local day plus the columns named here; `hour_of_day` is the hour on the organisation's clock.
const SUMMARIES = [
  { table: "analytics_daily_posts", key: ["campaign_id", "post_id", "network"] },
  { table: "analytics_daily_members", key: ["campaign_id", "membership_id"] },
  { table: "analytics_daily_hours", key: ["campaign_id", "hour_of_day"] },
] as const;

// One row per click, from the raw clicks (filter_reason null: a person's click).
const clickSource = (where: SQL) => sql`
  select c.organization_id, c.clicked_at as at, c.campaign_id, c.post_id, c.network, c.membership_id,
    0 as shares, 0 as reach_declared, 0 as shares_undeclared,
    case when c.filter_reason is null then 1 else 0 end as clicks,
    case when c.filter_reason is null and c.is_unique then 1 else 0 end as unique_clicks,
    case when c.filter_reason = 'bot' then 1 else 0 end as filtered_bot,
    case when c.filter_reason = 'preview' then 1 else 0 end as filtered_preview,
    case when c.filter_reason = 'head' then 1 else 0 end as filtered_head,
    case when c.filter_reason = 'prefetch' then 1 else 0 end as filtered_prefetch,
    case when c.filter_reason = 'repeat' then 1 else 0 end as filtered_repeat,
    case when c.filter_reason = 'self' then 1 else 0 end as filtered_self,
    0 as actions
  from clicks c where ${where}`;

// One row per share, with the sharer's declared audience on that network at share time.
const shareSource = (where: SQL) => sql`
  select s.organization_id, s.created_at as at, p.campaign_id, s.post_id, s.network, s.membership_id,
    1 as shares, coalesce(a.followers, 0) as reach_declared, case when a.followers is null then 1 else 0 end as shares_undeclared,
    0 as clicks, 0 as unique_clicks, 0 as filtered_bot, 0 as filtered_preview, 0 as filtered_head,
    0 as filtered_prefetch, 0 as filtered_repeat, 0 as filtered_self, 0 as actions
  from shares s
  join posts p on p.id = s.post_id
  left join member_audiences a on a.membership_id = s.membership_id and a.network = s.network
  where ${where}`;

// Adds the rows of `source` to both rollups and their summaries in one statement: the hour
// and the day are read on the organisation's clock (`date_trunc(…, zone)` gives the instant
// the local hour starts, so the repeated hour of a daylight-saving night stays two hours).
// Rows are added in key order, so concurrent additions lock rows in the same order and never
// deadlock.
async function addToRollups(tx: Transaction, orgId: string, source: SQL, { withSummaries = true } = {}) {
  const summaries = (withSummaries ? SUMMARIES : []).map(({ table, key }) => {
    const keys = sql.raw(key.join(", "));
    const groups = sql.raw(["1", "2", ...key.map((_, i) => String(i + 3))].join(", "));
    return sql`, ${sql.raw(table)} as (
      insert into ${sql.raw(table)} (organization_id, day, ${keys}, ${metricList})
      select organization_id, day, ${keys}, ${sums}
      from src group by ${groups} order by ${groups}
      on conflict on constraint ${sql.raw(`${table}_key`)} do update set ${addTo(table)}
      returning 1)`;
  });
  await tx.execute(sql`
    with zone as (select time_zone as tz from organizations where id = ${orgId}),
    src as materialized (
      select s.*, date_trunc('hour', s.at, zone.tz) as hour, (s.at at time zone zone.tz)::date as day,
        extract(hour from s.at at time zone zone.tz)::smallint as hour_of_day
      from (${source}) s, zone),
    hourly as (
      insert into analytics_hourly (organization_id, hour, campaign_id, post_id, network, ${metricList})
      select organization_id, hour, campaign_id, post_id, network, ${sums}
      from src group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
      on conflict on constraint analytics_hourly_key do update set ${addTo("analytics_hourly")}
      returning 1)${sql.join(summaries, sql``)}
    insert into analytics_daily (organization_id, day, campaign_id, post_id, network, membership_id, ${metricList})
    select organization_id, day, campaign_id, post_id, network, membership_id, ${sums}
    from src group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6
    on conflict on constraint analytics_daily_key do update set ${addTo("analytics_daily")}`);
}

// Applies one event exactly once: the ledger row and the additions commit together, so a
// replay adds nothing and a worker killed mid-way added nothing. Additions take the
// organisation's lock in shared mode (they run side by side); a rebuild takes it alone.
async function applyOnce(eventId: string, orgId: string, source: SQL) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock_shared(hashtext(${`analytics:${orgId}`}))`);
    const claimed = await tx.execute(sql`
      insert into analytics_applied_events (event_id, organization_id) values (${eventId}, ${orgId})
      on conflict do nothing returning event_id`);
    if (claimed.length === 0) return false;
    await addToRollups(tx, orgId, source);
    return true;
  });
}

export function rollUpClicks(eventId: string, orgId: string, clickIds: string[]) {
  return applyOnce(eventId, orgId, clickSource(sql`c.organization_id = ${orgId} and c.id = any(${textArray(clickIds)})`));
}

export function rollUpShare(eventId: string, orgId: string, shareId: string) {
  return applyOnce(eventId, orgId, shareSource(sql`s.organization_id = ${orgId} and s.id = ${shareId}`));
}

// An action alert's call to action done: counted on the day the event was written, under
// the alert's campaign when the event names one (only if that campaign is the organisation's).
export function rollUpAction(eventId: string, orgId: string, membershipId: string, campaignId: string | null = null) {
  return applyOnce(
    eventId,
    orgId,
    sql`select ${orgId}::text as organization_id,
      coalesce((select created_at from outbox_events where id::text = ${eventId}), now()) as at,
      (select id from campaigns where id = ${campaignId}::text and organization_id = ${orgId}) as campaign_id,
      null::text as post_id, null::network as network, ${membershipId}::text as membership_id,
      0 as shares, 0 as reach_declared, 0 as shares_undeclared, 0 as clicks, 0 as unique_clicks, 0 as filtered_bot,
      0 as filtered_preview, 0 as filtered_head, 0 as filtered_prefetch, 0 as filtered_repeat, 0 as filtered_self, 1 as actions`,
  );
}

const textArray = (values: string[]) => sql`${`{${values.map((v) => `"${v.replace(/["\\]/g, "\\$&")}"`).join(",")}}`}::text[]`;

// Recounts an organisation's clicks and shares from the raw rows (after a time zone change,
// for the demo seed, or to repair); inside the caller's transaction when given one. Actions
// have no raw table here and are kept as they were (their daily rows keep the day they were
// counted on). Events not yet applied whose facts this count includes are written to the
// ledger, so they add nothing later. The summaries are then recomputed from the two rollups.
// Clicks are counted a month of partition at a time; `onProgress` hears each step done (it
// runs outside the transaction, which readers see only whole, once committed).
export async function rebuildRollups(
  orgId: string,
  executor: Database | Transaction = db,
  onProgress: (done: number, steps: number) => Promise<unknown> = async () => {},
) {
  await executor.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`analytics:${orgId}`}))`);
    await tx.execute(sql`delete from analytics_hourly where organization_id = ${orgId} and post_id is not null`);
    await tx.execute(sql`delete from analytics_daily where organization_id = ${orgId} and post_id is not null`);
    const months = await tx.execute<{ start: string; end: string }>(sql`
      select m::text as start, (m + interval '1 month')::text as "end"
      from (select min(clicked_at) as lo, max(clicked_at) as hi from clicks where organization_id = ${orgId}) r,
        generate_series(date_trunc('month', r.lo, 'UTC'), r.hi, interval '1 month') m`);
    const steps = months.length + 2;
    for (const [i, month] of months.entries()) {
      const inMonth = sql`c.organization_id = ${orgId} and c.clicked_at >= ${month.start}::timestamptz and c.clicked_at < ${month.end}::timestamptz`;
      await addToRollups(tx, orgId, clickSource(inMonth), { withSummaries: false });
      await onProgress(i + 1, steps);
    }
    await addToRollups(tx, orgId, shareSource(sql`s.organization_id = ${orgId}`), { withSummaries: false });
    await onProgress(steps - 1, steps);
    await resummarise(tx, orgId);
    await tx.execute(sql`
      insert into analytics_applied_events (event_id, organization_id)
      select id::text, organization_id from outbox_events
      where organization_id = ${orgId} and type in ('clicks.ingested', 'share.recorded')
      on conflict do nothing`);
    await onProgress(steps, steps);
  });
}

// The summaries of an organisation recomputed from its two rollups: the same sums the
// additions keep (the hour of the day read from the hourly rollup on the current clock).
async function resummarise(tx: Transaction, orgId: string) {
  for (const { table, key } of SUMMARIES) {
    await tx.execute(sql`delete from ${sql.raw(table)} where organization_id = ${orgId}`);
    const keys = sql.raw(key.join(", "));
    const from =
      table === "analytics_daily_hours"
        ? sql`(select h.*, (h.hour at time zone o.time_zone)::date as day, extract(hour from h.hour at time zone o.time_zone)::smallint as hour_of_day
            from analytics_hourly h join organizations o on o.id = h.organization_id where h.organization_id = ${orgId}) r`
        : sql`analytics_daily r where r.organization_id = ${orgId}`;
    await tx.execute(sql`
      insert into ${sql.raw(table)} (organization_id, day, ${keys}, ${metricList})
      select organization_id, day, ${keys}, ${sums} from ${from}
      group by organization_id, day, ${keys}`);
  }
}

// Ledger rows outlive their events by far (events are purged after 7 days, jobs retry for
// minutes): older ones are dropped.
export async function purgeAppliedEvents(olderThan: Date) {
  const rows = await db.execute(sql`delete from analytics_applied_events where applied_at < ${olderThan.toISOString()}::timestamptz returning 1`);
  return rows.length;
}
