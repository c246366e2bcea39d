// npm run bench -- analytics: dashboards at 10 million clicks and 500,000 shares in one
// organisation, read from the rollups, against the same figures from the raw clicks; how
// long a click takes to reach the rollups through the outbox and the worker; a streamed CSV
// export of a million rows.
import os from "node:os";
import { performance } from "node:perf_hooks";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { sql } from "drizzle-orm";
import type { Period } from "@/lib/analytics/queries";
import { defineBenchmark, median, percentile, round } from "./harness";

// ANALYTICS_BENCH_SCALE=0.01 tries the benchmark quickly; results are committed at 1.
const SCALE = Number(process.env.ANALYTICS_BENCH_SCALE ?? 1);
const CLICKS = 10_000_000 * SCALE;
const SHARES = 500_000 * SCALE;
const MEMBERS = 5_000;
const CAMPAIGNS = 10;
const POSTS_PER_CAMPAIGN = 40;
const DAYS = 90;
const PAGE_LOADS = 30;
const BASELINE_RUNS = 5;
const NETWORKS = ["linkedin", "facebook", "x", "whatsapp", "bluesky", "email", "copy"];
const tenant = { orgId: "org_bench" };

async function seed() {
  const { db } = await import("@/db/client");
  const { ensureClickPartitions } = await import("@/lib/analytics/partitions");
  const run = (q: ReturnType<typeof sql>) => db.execute(q);
  await run(sql`insert into organizations (id, name, slug, time_zone) values ('org_bench', 'Bench', 'bench', 'Europe/Paris')`);
  await ensureClickPartitions(new Date(Date.now() - (DAYS + 31) * 86_400_000), 6);
  await run(sql`insert into users (id, name, email, locale) select 'user_' || i, 'Membre ' || i, 'm' || i || '@bench.test', (case when i % 4 = 0 then 'en' else 'fr' end)::locale from generate_series(1, ${MEMBERS}) i`);
  await run(sql`insert into memberships (id, organization_id, user_id, role, status, search_text) select 'mem_' || i, 'org_bench', 'user_' || i, 'advocate', 'active', 'm' || i from generate_series(1, ${MEMBERS}) i`);
  await run(sql`insert into groups (id, organization_id, name) select 'grp_' || g, 'org_bench', 'Groupe ' || g from generate_series(1, 8) g`);
  await run(sql`insert into group_members (organization_id, group_id, membership_id) select 'org_bench', 'grp_' || (1 + i % 8), 'mem_' || i from generate_series(1, ${MEMBERS}) i`);
  // Campaigns one after the other over the 90 days; their posts published across them.
  await run(sql`insert into campaigns (id, organization_id, name, slug, status, starts_at, ends_at, objectives)
    select 'cmp_' || c, 'org_bench', 'Campagne ' || c, 'campagne-' || c, 'active',
      now() - ${DAYS} * interval '1 day' + (c - 1) * interval '9 days', now() - ${DAYS} * interval '1 day' + c * interval '9 days',
      '[{"label":"Clics","metric":"clicks","target":900000},{"label":"Partages","metric":"shares","target":60000}]'::jsonb
    from generate_series(1, ${CAMPAIGNS}) c`);
  await run(sql`insert into posts (id, organization_id, campaign_id, status, published_at)
    select 'post_' || p, 'org_bench', 'cmp_' || (1 + (p - 1) / ${POSTS_PER_CAMPAIGN}), 'published',
      now() - ${DAYS} * interval '1 day' + ((p - 1) / ${POSTS_PER_CAMPAIGN}) * interval '9 days' + ((p - 1) % ${POSTS_PER_CAMPAIGN}) * interval '5 hours'
    from generate_series(1, ${CAMPAIGNS * POSTS_PER_CAMPAIGN}) p`);
  await run(sql`insert into post_variants (id, organization_id, post_id, locale, title) select 'pv_' || id, 'org_bench', id, 'fr', 'Publication ' || substr(id, 6) from posts where organization_id = 'org_bench'`);
  // One tracked link per (member, post, network) shared; shares on them, within a day of the post.
  await run(sql`insert into tracked_links (id, organization_id, code, membership_id, post_id, network)
    select 'lnk_' || i, 'org_bench', 'c' || i, 'mem_' || (1 + (i * 7919) % ${MEMBERS}), 'post_' || (1 + i % ${CAMPAIGNS * POSTS_PER_CAMPAIGN}),
      (${`{${NETWORKS.join(",")}}`}::network[])[1 + (i / 401) % ${NETWORKS.length}]
    from generate_series(1, ${SHARES / 2}::int) i on conflict do nothing`);
  await run(sql`create temporary table bench_links as select row_number() over (order by l.id) as n, l.id, l.membership_id, l.post_id, l.network, p.campaign_id, p.published_at
    from tracked_links l join posts p on p.id = l.post_id`);
  await run(sql`create index on bench_links (n)`);
  const [{ links }] = await db.execute<{ links: number }>(sql`select count(*)::int as links from bench_links`);
  await run(sql`insert into member_audiences (organization_id, membership_id, network, followers)
    select 'org_bench', 'mem_' || i, 'linkedin', 100 + (i * 37) % 2000 from generate_series(1, ${MEMBERS}) i where i % 3 = 0`);
  await run(sql`insert into shares (organization_id, membership_id, post_id, network, link_id, created_at, id)
    select 'org_bench', l.membership_id, l.post_id, l.network, l.id, l.published_at + (s % 1440) * interval '1 minute', 'shr_' || s
    from generate_series(1, ${SHARES}::bigint) s join bench_links l on l.n = 1 + (s * 104729) % ${links}`);
  // Clicks within three days of the post, in one set-based statement; a quarter filtered
  // (mostly link previews), as the click ingester would have judged them. The clicks' key and
  // indexes are dropped for the load and built once after it (a sorted build instead of ten
  // million random inserts into three b-trees): the table ends as the migrations left it.
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local maintenance_work_mem = '512MB'`);
    await tx.execute(sql`alter table clicks drop constraint clicks_pkey`);
    await tx.execute(sql`drop index clicks_org_clicked_idx, clicks_link_clicked_idx`);
    await tx.execute(sql`insert into clicks (id, organization_id, link_id, post_id, campaign_id, membership_id, network, clicked_at, visitor_hash, is_unique, filter_reason, device_class)
      select 'k' || g, 'org_bench', l.id, l.post_id, l.campaign_id, l.membership_id, l.network,
        least(l.published_at + ((g * 7) % 259200) * interval '1 second', now() - interval '1 minute'), md5(g::text), g % 3 <> 0,
        (case when g % 4 <> 0 then null when g % 20 = 0 then 'bot' when g % 12 = 0 then 'repeat' when g % 28 = 0 then 'self' else 'preview' end)::click_filter,
        'mobile'
      from generate_series(1, ${CLICKS}::bigint) g join bench_links l on l.n = 1 + (g * 15485863) % ${links}`);
    await tx.execute(sql`alter table clicks add constraint clicks_pkey primary key (id, clicked_at)`);
    await tx.execute(sql`create index clicks_org_clicked_idx on clicks using btree (organization_id, clicked_at)`);
    await tx.execute(sql`create index clicks_link_clicked_idx on clicks using btree (link_id, clicked_at)`);
  });
  await run(sql`analyze`);
}

async function time(fn: () => Promise<unknown>) {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export default defineBenchmark("analytics", async () => {
  const seedStart = performance.now();
  await seed();
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const { db } = await import("@/db/client");
  const { rebuildRollups } = await import("@/lib/analytics/rollup");
  const { getDashboard } = await import("@/lib/analytics/queries");
  const rebuildStart = performance.now();
  await rebuildRollups("org_bench");
  await db.execute(sql`analyze analytics_hourly; analyze analytics_daily; analyze analytics_daily_posts; analyze analytics_daily_members; analyze analytics_daily_hours`);
  const rebuildSeconds = (performance.now() - rebuildStart) / 1000;
  const [rollupRows] = await db.execute<{ hourly: number; daily: number; posts: number; members: number; hours: number }>(sql`
    select (select count(*)::int from analytics_hourly) as hourly, (select count(*)::int from analytics_daily) as daily,
      (select count(*)::int from analytics_daily_posts) as posts, (select count(*)::int from analytics_daily_members) as members,
      (select count(*)::int from analytics_daily_hours) as hours`);

  // Campaign 5's nine days, and the organisation's whole 90 days.
  const [c5] = await db.execute<{ starts: Date; ends: Date }>(sql`select starts_at as starts, ends_at as ends from campaigns where id = 'cmp_5'`);
  const campaignPeriod: Period = { from: day(new Date(c5.starts)), to: day(new Date(new Date(c5.ends).getTime() + 3 * 86_400_000)) };
  const orgPeriod: Period = { from: day(new Date(Date.now() - DAYS * 86_400_000)), to: day(new Date()) };
  const pages = [
    { campaignId: "cmp_5", period: campaignPeriod },
    { campaignId: null, period: orgPeriod },
  ];
  for (const page of pages) await getDashboard(tenant, page, "fr");
  const loadBefore = os.loadavg()[0];
  const loads: number[] = [];
  const byPage: number[][] = [[], []];
  for (let i = 0; i < PAGE_LOADS; i++) {
    for (const [p, page] of pages.entries()) {
      const ms = await time(() => getDashboard(tenant, page, "fr"));
      loads.push(ms);
      byPage[p].push(ms);
    }
  }

  // Every query of one load of each page under EXPLAIN ANALYZE (auto_explain on a one-connection
  // pool swapped in for the process's pool); the plans go to the console, the slowest to the notes.
  const plans: string[] = [];
  {
    const postgres = (await import("postgres")).default;
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const schema = await import("@/db/schema");
    const client = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: (n) => plans.push(n.message) });
    await client`load 'auto_explain'`;
    await client`select set_config('auto_explain.log_min_duration', '0', false), set_config('auto_explain.log_analyze', 'on', false),
      set_config('auto_explain.log_level', 'notice', false), set_config('client_min_messages', 'notice', false)`;
    const holder = globalThis as unknown as { relaisDb?: unknown };
    const pool = holder.relaisDb;
    holder.relaisDb = drizzle(client, { schema, casing: "snake_case" });
    try {
      for (const page of pages) await getDashboard(tenant, page, "fr");
    } finally {
      holder.relaisDb = pool;
      await client.end();
    }
    for (const plan of plans) console.log(plan);
  }
  const planMs = plans.map((p) => Number(/actual time=[\d.]+\.\.([\d.]+)/.exec(p)?.[1] ?? 0));

  // The same figures from raw clicks (totals by network and reason, per day, per post, per
  // member) for the campaign page: what a dashboard without rollups would run.
  const raw = (from: string, to: string, campaign: string) => {
    const where = sql`organization_id = 'org_bench' and campaign_id = ${campaign} and clicked_at >= (${from}::date)::timestamp at time zone 'Europe/Paris' and clicked_at < (${to}::date + 1)::timestamp at time zone 'Europe/Paris'`;
    return Promise.all([
      db.execute(sql`select network, filter_reason, count(*), count(*) filter (where is_unique) from clicks where ${where} group by 1, 2`),
      db.execute(sql`select (clicked_at at time zone 'Europe/Paris')::date, count(*) filter (where filter_reason is null) from clicks where ${where} group by 1`),
      db.execute(sql`select post_id, count(*) filter (where filter_reason is null) from clicks where ${where} group by 1 order by 2 desc limit 50`),
      db.execute(sql`select membership_id, count(*) filter (where filter_reason is null) from clicks where ${where} group by 1 order by 2 desc limit 50`),
      db.execute(sql`select extract(hour from clicked_at at time zone 'Europe/Paris'), count(*) filter (where filter_reason is null) from clicks where ${where} group by 1`),
    ]);
  };
  const baseline: number[] = [];
  for (let i = 0; i < BASELINE_RUNS; i++) baseline.push(await time(() => raw(campaignPeriod.from, campaignPeriod.to, "cmp_5")));
  const loadAfter = os.loadavg()[0];

  // Lag: a batch written by the click ingester's own statement (clicks + clicks.ingested in
  // one transaction), through the outbox dispatcher and the roll-up worker, until the hourly
  // rollup shows it.
  const { insertClickBatch } = await import("@/lib/clicks/queries");
  const { startOutboxDispatcher } = await import("@/workers/outbox-dispatcher");
  const { startWorkers } = await import("@/workers/runtime");
  const { closeQueues } = await import("@/lib/jobs/queues");
  const { rollUpEventJob } = await import("@/lib/analytics/jobs");
  await db.execute(sql`update outbox_events set dispatched_at = now() where dispatched_at is null`);
  const dispatcher = startOutboxDispatcher({ pollMs: 250 });
  const workers = startWorkers({ jobs: [rollUpEventJob], queues: ["analytics"] });
  const lags: number[] = [];
  const humanClicks = async () => {
    const [row] = await db.execute<{ n: number }>(sql`select coalesce(sum(clicks), 0)::int as n from analytics_hourly where organization_id = 'org_bench'`);
    return row.n;
  };
  try {
    for (let r = 0; r < 3; r++) {
      const before = await humanClicks();
      const rows = Array.from({ length: 1_000 }, (_, i) => ({
        id: `lag-${r}-${i}`, code: `c${1 + i}`, at: Date.now(), visitorHash: `lag${r}-${i}`, isUnique: true, filterReason: null,
        country: null, deviceClass: "mobile" as const, browserFamily: null, referrerDomain: null,
      }));
      const start = performance.now();
      const inserted = await insertClickBatch(rows);
      while ((await humanClicks()) < before + inserted) await new Promise((res) => setTimeout(res, 20));
      lags.push((performance.now() - start) / 1000);
    }
  } finally {
    await dispatcher.close();
    await workers.close();
    await closeQueues();
  }

  // Export: a million rows of the click log streamed as CSV.
  const { CLICK_COLUMNS } = await import("@/lib/analytics/export");
  const { csvChunks } = await import("@/lib/csv/write");
  let exportSeconds = 0;
  let exportRows = 0;
  let exportBytes = 0;
  {
    const cursor = db.$client`
      select to_char(clicked_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as clicked_at, network, post_id, membership_id,
        (filter_reason is null) as counted, filter_reason, is_unique, country, device_class, referrer_domain
      from clicks where organization_id = 'org_bench' limit 1000000`.cursor(10_000);
    const counted = (async function* () {
      for await (const batch of cursor) {
        exportRows += batch.length;
        yield batch as Record<string, unknown>[];
      }
    })();
    const start = performance.now();
    await pipeline(
      Readable.from(csvChunks(CLICK_COLUMNS, counted)),
      new Writable({
        write(chunk, _enc, done) {
          exportBytes += chunk.length;
          done();
        },
      }),
    );
    exportSeconds = (performance.now() - start) / 1000;
  }

  const [counts] = await db.execute<{ clicks: number; shares: number }>(sql`select (select count(*)::int from clicks) as clicks, (select count(*)::int from shares) as shares`);
  return {
    metrics: {
      dashboard_p95_ms: round(percentile(loads, 95)),
      campaign_dashboard_p95_ms: round(percentile(byPage[0], 95)),
      org_dashboard_p95_ms: round(percentile(byPage[1], 95)),
      baseline_p95_ms: round(percentile(baseline, 95)),
      ratio: round(percentile(baseline, 95) / percentile(byPage[0], 95)),
      rollup_lag_s: round(median(lags), 2),
      export_1m_rows_s: round(exportSeconds, 2),
      rebuild_s: round(rebuildSeconds),
      seed_s: round(seedSeconds),
    },
    notes:
      `${counts.clicks.toLocaleString("en")} clicks and ${counts.shares.toLocaleString("en")} shares in one organisation (Europe/Paris), ${MEMBERS} members, ` +
      `${CAMPAIGNS} campaigns of ${POSTS_PER_CAMPAIGN} posts over ${DAYS} days, a quarter of the clicks filtered; rollups ${rollupRows.hourly} hourly and ${rollupRows.daily} daily rows; the summaries dashboards read: ${rollupRows.posts} post, ${rollupRows.members} member and ${rollupRows.hours} hour-of-day rows. ` +
      `EXPLAIN ANALYZE of the ${plans.length} queries of one load of each page: slowest ${round(Math.max(...planMs))} ms, sum ${round(planMs.reduce((a, b) => a + b, 0))} ms. ` +
      `Seed set-based (generate_series; clicks' key and indexes built after the load), rollups built by rebuildRollups (the real path) in ${round(rebuildSeconds)} s. ` +
      `dashboard: ${PAGE_LOADS} loads each of a campaign page (12 days) and the organisation page (90 days), every query of the page (parallel, pool of 10); ` +
      `baseline: the campaign page's click figures from raw clicks, ${BASELINE_RUNS} runs; rollup_lag: 1,000 clicks through the ingester's statement, the outbox dispatcher and the worker, median of 3; ` +
      `export: ${exportRows.toLocaleString("en")} click rows streamed as CSV (${Math.round(exportBytes / 1e6)} MB). ` +
      `Load average (1 min, 2 cores shared) ${round(loadBefore, 2)} before the page loads, ${round(loadAfter, 2)} after the baseline.`,
  };
});
