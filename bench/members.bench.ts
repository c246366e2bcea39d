// npm run bench -- members: the member list page's query at 50,000 members.
import os from "node:os";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { fakePerson } from "@/scripts/seed/names";
import type { MemberFilters } from "@/lib/members/schemas";
import type { Tenant } from "@/lib/tenancy";
import { defineBenchmark, median, percentile, round } from "./harness";

const MEMBERS = 50_000;
const OTHER_ORG_MEMBERS = 10_000;
const GROUPS = 12;
const ROUNDS = 3;
const RUNS_PER_SCENARIO = 50;
const LATER_PAGE = 40;

const tenant: Tenant = { orgId: "org_bench", orgSlug: "bench", userId: null, membershipId: null, role: "owner" };

// Set-based statements: the names come from the demo generator, sent once as one JSON array.
async function seed() {
  const { db } = await import("@/db/client");
  const run = (q: ReturnType<typeof sql>) => db.execute(q);
  await run(sql`insert into organizations (id, name, slug) values ('org_bench', 'Bench', 'bench'), ('org_other', 'Other', 'other')`);
  await run(sql`insert into groups (id, organization_id, name)
    select 'grp_' || g, 'org_bench', 'Groupe ' || g from generate_series(1, ${GROUPS}) g`);
  const total = MEMBERS + OTHER_ORG_MEMBERS;
  const people = Array.from({ length: total }, (_, i) => fakePerson(i, i < MEMBERS ? "bench.test" : "other.test"));
  await run(sql`insert into users (id, name, email)
    select 'user_' || n, p->>'name', p->>'email' from jsonb_array_elements(${JSON.stringify(people)}::jsonb) with ordinality as t(p, n)`);
  // Roles as in a real workspace: a few owners and admins, leads, staff, mostly advocates;
  // joined over two years at microsecond times; some invited, some deactivated.
  await run(sql`insert into memberships (id, organization_id, user_id, role, status, search_text, joined_at)
    select 'mem_' || lpad(u.n::text, 6, '0'), case when u.n <= ${MEMBERS} then 'org_bench' else 'org_other' end, u.id,
      (case when u.n % 10000 = 1 then 'owner' when u.n % 5000 = 2 then 'admin' when u.n % 1000 = 3 then 'lead'
            when u.n % 20 = 4 then 'staff' else 'advocate' end)::role,
      (case when u.n % 53 = 0 then 'deactivated' when u.n % 17 = 0 then 'invited' else 'active' end)::membership_status,
      lower(u.name || ' ' || u.email),
      now() - (random() * 730) * interval '1 day'
    from (select id, name, email, substr(id, 6)::int as n from users) u`);
  // 70% in one group, a fifth of those in a second one; the rest in none.
  await run(sql`insert into group_members (organization_id, group_id, membership_id)
    select 'org_bench', 'grp_' || (1 + i % ${GROUPS}), 'mem_' || lpad(i::text, 6, '0') from generate_series(1, ${MEMBERS}) i where i % 10 < 7
    union all
    select 'org_bench', 'grp_' || (1 + (i / 10) % ${GROUPS}), 'mem_' || lpad(i::text, 6, '0') from generate_series(1, ${MEMBERS}) i
      where i % 10 < 7 and i % 5 = 0 and (i / 10) % ${GROUPS} <> i % ${GROUPS}`);
  await run(sql`analyze`);
}

async function time(fn: () => Promise<unknown>) {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export default defineBenchmark("members", async () => {
  const seedStart = performance.now();
  await seed();
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const { db } = await import("@/db/client");
  const { findMembersPage } = await import("@/lib/members/queries");

  // The cursor of page LATER_PAGE, reached the way a person would: page after page.
  let cursor: MemberFilters["cursor"];
  const { decodeCursor } = await import("@/lib/members/schemas");
  for (let page = 1; page < LATER_PAGE; page++) {
    const { nextCursor } = await findMembersPage(tenant, { cursor });
    cursor = decodeCursor(nextCursor ?? undefined);
  }
  if (!cursor) throw new Error("the list ended before the later page");

  const scenarios: Record<string, MemberFilters> = {
    first_page: {},
    search: { q: "tremblay" },
    search_two_words: { q: "marie gagnon" },
    search_one_email: { q: fakePerson(31_337, "bench.test").email },
    role_filter: { role: "lead" },
    group_filter: { groupId: "grp_5" },
    status_filter: { status: "deactivated" },
    later_page: { cursor },
  };
  const baselineQuery = () => db.execute(sql`select id, user_id, role, status, joined_at from memberships where organization_id = 'org_bench' limit 50`);

  // Warm the pool and the caches once, untimed.
  for (const filters of Object.values(scenarios)) await findMembersPage(tenant, filters);
  await baselineQuery();

  const rounds: { all: number; baseline: number; by: Record<string, number> }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const samples: Record<string, number[]> = Object.fromEntries(Object.keys(scenarios).map((k) => [k, []]));
    const baseline: number[] = [];
    // Interleaved, so noise from the shared machine falls on every scenario alike.
    for (let i = 0; i < RUNS_PER_SCENARIO; i++) {
      for (const [name, filters] of Object.entries(scenarios)) samples[name].push(await time(() => findMembersPage(tenant, filters)));
      baseline.push(await time(baselineQuery));
    }
    const by = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, percentile(v, 95)]));
    rounds.push({ all: percentile(Object.values(samples).flat(), 95), baseline: percentile(baseline, 95), by });
  }

  const p95 = median(rounds.map((r) => r.all));
  const baselineP95 = median(rounds.map((r) => r.baseline));
  const perScenario = Object.fromEntries(Object.keys(scenarios).map((k) => [`${k}_p95_ms`, round(median(rounds.map((r) => r.by[k])), 2)]));
  return {
    metrics: {
      list_p95_ms: round(p95, 2),
      ...perScenario,
      baseline_p95_ms: round(baselineP95, 2),
      ratio: round(p95 / baselineP95, 2),
      runs_per_round: RUNS_PER_SCENARIO * Object.keys(scenarios).length,
      seed_s: round(seedSeconds, 1),
    },
    notes:
      `${MEMBERS.toLocaleString("en")} members in ${GROUPS} groups (+${OTHER_ORG_MEMBERS.toLocaleString("en")} in another org); ` +
      `findMembersPage (the members page's query: 50 rows + user names + their groups + capped count) timed in process ` +
      `for the first page, a search (~1,100 hits), a two-word search, one member's email, a role filter (lead), a group filter, a status filter and page ${LATER_PAGE} by cursor; ` +
      `baseline = select … from memberships where organization_id limit 50; ${ROUNDS} rounds, median of the p95s; ` +
      `load average ${os.loadavg()[0].toFixed(1)} on the shared machine at the end`,
  };
});
