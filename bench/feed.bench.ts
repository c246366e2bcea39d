// npm run bench -- feed: one member's feed with 10,000 posts and 50,000 members.
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import type { Role } from "@/db/schema/enums";
import { findFeedPage, type FeedFilters } from "@/lib/feed/queries";
import { feedSearchSchema, type FeedCursor } from "@/lib/feed/schemas";
import type { Tenant } from "@/lib/tenancy";
import { defineBenchmark, median, percentile, round } from "./harness";

const POSTS = 10_000;
const MEMBERS = 50_000;
const GROUPS = 40;
const CAMPAIGNS = 50;
const ROUNDS = 3;
const SAMPLE_PER_KIND = 20;
const PAGES = 4;

// Everything in a few set-based statements: the seed takes seconds, not minutes.
async function seed() {
  const run = (q: string) => db.execute(sql.raw(q));
  await run(`insert into organizations (id, name, slug, default_locale) values
    ('org_bench', 'Bench', 'bench', 'fr'), ('org_other', 'Other', 'other', 'fr')`);
  await run(`insert into groups (id, organization_id, name)
    select 'grp_' || g, 'org_bench', 'Groupe ' || g from generate_series(1, ${GROUPS}) g`);
  await run(`insert into users (id, name, email, locale)
    select 'user_' || i, 'Membre ' || i, 'm' || i || '@bench.test',
      (case when i % 20 = 0 then null when i % 7 = 0 then 'en' else 'fr' end)::locale
    from generate_series(1, ${MEMBERS}) i`);
  await run(`insert into memberships (id, organization_id, user_id, role, status)
    select 'mem_' || i, 'org_bench', 'user_' || i,
      (case when i <= 2 then 'owner' when i <= 5 then 'admin' when i <= 25 then 'lead' when i <= 5000 then 'staff' else 'advocate' end)::role,
      (case when i % 97 = 0 then 'deactivated' else 'active' end)::membership_status
    from generate_series(1, ${MEMBERS}) i`);
  // 70% of members in one group, a fifth of those in a second one; the rest in none.
  await run(`insert into group_members (organization_id, group_id, membership_id)
    select 'org_bench', 'grp_' || (1 + i % ${GROUPS}), 'mem_' || i from generate_series(1, ${MEMBERS}) i where i % 10 < 7
    union all
    select 'org_bench', 'grp_' || (1 + (i * 7 + 3) % ${GROUPS}), 'mem_' || i from generate_series(1, ${MEMBERS}) i
      where i % 10 < 7 and i % 5 = 0 and (i * 7 + 3) % ${GROUPS} <> i % ${GROUPS}`);
  await run(`insert into campaigns (id, organization_id, name, slug, status)
    select 'cmp_' || c, 'org_bench', 'Campagne ' || c, 'campagne-' || c, 'active' from generate_series(1, ${CAMPAIGNS}) c`);
  // Four moments per campaign over two years; three of them are happening now.
  await run(`insert into key_moments (id, organization_id, campaign_id, title, starts_at, ends_at)
    select 'km_' || c || '_' || k, 'org_bench', 'cmp_' || c, 'Moment ' || c || '.' || k,
      case when c <= 3 and k = 1 then now() - interval '1 day' else now() - (c * 14 + k * 3) * interval '1 day' end,
      case when c <= 3 and k = 1 then now() + interval '2 days' else now() - (c * 14 + k * 3 - 2) * interval '1 day' end
    from generate_series(1, ${CAMPAIGNS}) c, generate_series(1, 4) k`);
  // Mostly published over two years; some expired, drafts, scheduled; a few pinned; 30% staff
  // only; every fifth post for one to three groups; published_at repeats to exercise ties.
  await run(`insert into posts (id, organization_id, campaign_id, key_moment_id, kind, status, link_url, hashtags,
      advocates_can_see, pinned, publish_at, expires_at, published_at)
    select 'post_' || lpad(i::text, 6, '0'), 'org_bench', 'cmp_' || (1 + i % ${CAMPAIGNS}),
      case when i % 5 < 2 then 'km_' || (1 + i % ${CAMPAIGNS}) || '_' || (1 + i % 4) end,
      (array['text','link','video','image','testimonial'])[1 + i % 5]::post_kind,
      (case when i % 20 = 1 then 'expired' when i % 20 = 2 then 'draft' when i % 20 = 3 then 'scheduled'
            when i % 20 = 4 then 'in_review' else 'published' end)::post_status,
      'https://example.org/article/' || i, array['#Bench', '#Post' || (i % 10)],
      i % 10 >= 3, i % 1250 = 7,
      now() - (i / 14.0) * interval '1 hour',
      case when i % 20 = 5 then now() - interval '1 day' when i % 20 = 6 then now() + interval '30 days' end,
      case when i % 20 not in (2, 3, 4) then date_trunc('minute', now() - ((${POSTS} - i) * 1.7) * interval '1 hour') end
    from generate_series(1, ${POSTS}) i`);
  await run(`insert into posts (id, organization_id, kind, status, published_at)
    select 'post_other_' || i, 'org_other', 'text', 'published', now() - i * interval '1 hour' from generate_series(1, 2000) i`);
  await run(`insert into post_variants (id, organization_id, post_id, locale, title, body, captions, email_subject, email_body)
    select 'pv_' || p.id || '_' || l, p.organization_id, p.id, l::locale, 'Titre ' || p.id || ' ' || l, repeat('Texte de la publication. ', 30),
      jsonb_strip_nulls(jsonb_build_object('linkedin', 'Légende LinkedIn', 'facebook', 'Légende Facebook',
        'x', case when md5(p.id) < '8' then 'Légende X' end, 'bluesky', case when md5(p.id || l) < '5' then 'Légende Bluesky' end)),
      'Objet', case when right(p.id, 1) = '0' then 'Corps du courriel' end
    from posts p cross join (values ('fr'), ('en')) as t(l)
    where (l = 'fr' and right(p.id, 2) <> '13') or (l = 'en' and right(p.id, 1) < '7')`);
  await run(`insert into post_audience_groups (organization_id, post_id, group_id)
    select 'org_bench', 'post_' || lpad(i::text, 6, '0'), 'grp_' || (1 + (i * 3 + g) % ${GROUPS})
    from generate_series(1, ${POSTS}) i, generate_series(0, 2) g where i % 5 = 0 and g <= i % 3`);
  await run("analyze");
}

async function tenants(): Promise<{ kind: string; tenant: Tenant }[]> {
  // Members of each kind: leads (see all), staff with and without groups, advocates with and without groups.
  const rows = await db.execute<{ kind: string; membership_id: string; user_id: string; role: Role }>(sql.raw(`
    select kind, membership_id, user_id, role from (
      select case when m.role in ('owner', 'admin', 'lead') then 'lead'
                  else m.role || case when exists (select 1 from group_members g where g.membership_id = m.id) then '_grouped' else '_ungrouped' end end as kind,
        m.id as membership_id, m.user_id, m.role,
        row_number() over (partition by m.role in ('owner', 'admin', 'lead'), m.role, exists (select 1 from group_members g where g.membership_id = m.id) order by md5(m.id)) as n
      from memberships m where m.organization_id = 'org_bench' and m.status = 'active'
    ) s where n <= ${SAMPLE_PER_KIND}`));
  return [...rows].map((r) => ({ kind: r.kind, tenant: { orgId: "org_bench", orgSlug: "bench", userId: r.user_id, membershipId: r.membership_id, role: r.role } }));
}

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const out = await fn();
  return [performance.now() - start, out];
}

type Filters = Omit<FeedFilters, "cursor">;

// Reads the first PAGES pages of one member's feed, timing each call of findFeedPage.
async function readPages(tenant: Tenant, filters: Filters, first: number[], later: number[]) {
  let cursor: FeedCursor | undefined;
  for (let n = 0; n < PAGES; n++) {
    const [ms, page] = await time(() => findFeedPage(tenant, { ...filters, cursor }));
    (n === 0 ? first : later).push(ms);
    if (!page.nextCursor) return;
    cursor = feedSearchSchema.parse({ cursor: page.nextCursor }).cursor;
  }
}

export default defineBenchmark("feed", async () => {
  const seedStart = performance.now();
  await seed();
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const sample = await tenants();
  const scenarios: Filters[] = [{}, {}, { campaign: "cmp_7" }, { network: "bluesky" }];
  const baselineQuery = sql`select id, published_at from posts where organization_id = 'org_bench' order by published_at desc limit 20`;

  // Warm the pool and the caches once, untimed.
  for (const { tenant } of sample.slice(0, 10)) await findFeedPage(tenant);

  const rounds: Record<"all" | "first" | "later" | "baseline" | "noMatch", number>[] = [];
  let runs = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const first: number[] = [];
    const later: number[] = [];
    const noMatch: number[] = [];
    const baseline: number[] = [];
    for (const [i, { tenant }] of sample.entries()) {
      await readPages(tenant, scenarios[i % scenarios.length], first, later);
      // The worst case: a filter nothing matches reads every published post of the org.
      if (i % 4 === 0) await readPages(tenant, { network: "telegram" }, noMatch, noMatch);
    }
    for (let i = 0; i < first.length + later.length; i++) baseline.push((await time(() => db.execute(baselineQuery)))[0]);
    runs = first.length + later.length;
    rounds.push({
      all: percentile([...first, ...later], 95),
      first: percentile(first, 95),
      later: percentile(later, 95),
      baseline: percentile(baseline, 95),
      noMatch: percentile(noMatch, 95),
    });
  }

  const med = (key: keyof (typeof rounds)[number]) => median(rounds.map((r) => r[key]));
  return {
    metrics: {
      p95_ms: round(med("all"), 2),
      first_page_p95_ms: round(med("first"), 2),
      later_page_p95_ms: round(med("later"), 2),
      no_match_filter_p95_ms: round(med("noMatch"), 2),
      baseline_p95_ms: round(med("baseline"), 2),
      ratio: round(med("all") / med("baseline"), 2),
      runs_per_round: runs,
      seed_s: round(seedSeconds, 1),
    },
    notes:
      `${POSTS.toLocaleString("en")} posts (+2,000 in another org), ${MEMBERS.toLocaleString("en")} members in ${GROUPS} groups; ` +
      `${sample.length} members (leads, staff and advocates with and without groups), pages 1–${PAGES} of their feed ` +
      `(no filter, a campaign, a network), findFeedPage timed in process (viewer + feed query); ` +
      `no_match_filter = a network no post has (scans every published post); ` +
      `baseline = select id, published_at from posts where organization_id order by published_at desc limit 20; ` +
      `${ROUNDS} rounds, median of the per-round p95s`,
  };
});
