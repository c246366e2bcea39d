// No "server-only": the workers (plain Node) write the ledger.
import { arrayTypesLoaded, db } from "@/db/client";
import { publishLive } from "@/lib/live/publish";
import { addToBoards, boardRedis, type BoardDelta } from "./board";
import type { ScoredSource } from "./rules";

// One scoring event, resolved: which contest and member, how many points the rule version
// in force gives, and that version's caps. Capping happens in `recordPoints`, in SQL.
export type Candidate = {
  orgId: string;
  contestId: string;
  membershipId: string;
  source: ScoredSource;
  points: number;
  caps: { daily: number | null; rule: number | null };
  idempotencyKey: string;
  day: string;
  occurredAt: Date;
  sourceId: string | null;
  postId: string | null;
  network: string | null;
  detail: string | null;
  // The member's teams on this contest's board.
  groupIds: string[];
};

// Caps are judged in SQL with running sums, which holds when, within one statement, a
// (contest, member, day) has one daily cap and each of its rules one cap. Caps change only
// with a new rule version, so a batch rarely mixes two: when it does, it is cut into runs in
// time order, each written after the previous one.
function uniformRuns(batch: Candidate[]) {
  const sorted = [...batch].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const runs: Candidate[][] = [];
  let run: Candidate[] = [];
  let caps = new Map<string, number | null>();
  for (const c of sorted) {
    const day = `${c.contestId}\u0000${c.membershipId}\u0000${c.day}`;
    const rule = `${day}\u0000${c.source}`;
    if ((caps.has(day) && caps.get(day) !== c.caps.daily) || (caps.has(rule) && caps.get(rule) !== c.caps.rule)) {
      runs.push(run);
      run = [];
      caps = new Map();
    }
    caps.set(day, c.caps.daily);
    caps.set(rule, c.caps.rule);
    run.push(c);
  }
  runs.push(run);
  return runs;
}

type Granted = { contest_id: string; membership_id: string; points: number; rows: number };

// One statement per run. It reads the (contest, member, day) totals rows of the run, grants
// each event what is left under its rule's cap and the member's daily cap in the order events
// happened (a capped running sum, S = greatest(S0, least(cap, S0 + sum so far)), per rule then
// per day), inserts the ledger rows that earned something, adds them to the totals rows that
// changed, only if each still holds the total it was read with (a compare-and-set, rechecked
// on the latest committed row), and creates the rows that did not exist. It returns the points
// the ledger actually took, per member. It must grant what `applyCaps` (rules.ts), the
// reference, grants event by event: tests/integration/contests/caps.test.ts checks it.
// The first attempt skips the key lookups ($15 false): the unique index refuses a key taken.
// SQL cannot raise an error by itself: a totals row that changed since it was read (totals only
// grow, so the total alone tells) makes the statement divide by zero, which undoes all of it.
const TOTALS_MOVED = "22012";

const STATEMENT = `
    with input as (
      select * from unnest(
        $1::text[], $2::text[], $3::text[],
        $4::int[], $5::points_source[], $6::text[],
        $7::text[], $8::text[], $9::text[],
        $10::text[], $11::text[], $12::float8[],
        $13::int[], $14::int[])
        with ordinality as u(o, c, m, p, s, k, sid, pid, n, detail, day, at, daily_cap, rule_cap, i)
    ),
    fresh as materialized (
      select u.* from input u
      left join lateral (select true as taken from contest_points l where $15 and l.idempotency_key = u.k limit 1) l on true
      where l.taken is null
    ),
    opened as materialized (
      select t.ctid as tid, t.contest_id, t.membership_id, t.day, t.total, t.share, t.click, t.action, t.bonus
      from (select distinct c, m, day from fresh) f
      join lateral (select ctid, * from contest_daily_totals t where t.contest_id = f.c and t.membership_id = f.m and t.day = f.day limit 1) t on true
    ),
    opening as (
      select f.*, l.tid, l.contest_id is not null as existed, coalesce(l.total, 0)::bigint as total0,
        coalesce(case f.s when 'share' then l.share when 'click' then l.click when 'action' then l.action when 'bonus' then l.bonus end, 0)::bigint as rule0,
        coalesce(f.rule_cap, 2147483647)::bigint as rule_cap_, coalesce(f.daily_cap, 2147483647)::bigint as daily_cap_
      from fresh f left join opened l on l.contest_id = f.c and l.membership_id = f.m and l.day = f.day
    ),
    under_rule as (
      select *, greatest(rule0, least(rule_cap_, rule0 + run_p)) - greatest(rule0, least(rule_cap_, rule0 + run_p - p)) as r
      from (select *, sum(p) over (partition by c, m, day, s order by at, i rows unbounded preceding) as run_p from opening) x
    ),
    granted as materialized (
      select *, (greatest(total0, least(daily_cap_, total0 + run_r)) - greatest(total0, least(daily_cap_, total0 + run_r - r)))::int as g
      from (select *, sum(r) over (partition by c, m, day order by at, i rows unbounded preceding) as run_r from under_rule) x
    ),
    inserted as (
      insert into contest_points (organization_id, contest_id, membership_id, points, source, idempotency_key, source_id, post_id, network, detail, day, occurred_at)
      select o, c, m, g, s, k, sid, pid, n, detail, day, to_timestamp(at) from granted where g > 0 order by at, i
      returning contest_id, membership_id, points
    ),
    added as (
      select c, m, day, min(tid) as tid, bool_or(existed) as existed, max(total0) as total0, sum(g)::int as total,
        coalesce(sum(g) filter (where s = 'share'), 0)::int as share, coalesce(sum(g) filter (where s = 'click'), 0)::int as click,
        coalesce(sum(g) filter (where s = 'action'), 0)::int as action, coalesce(sum(g) filter (where s = 'bonus'), 0)::int as bonus
      from granted group by c, m, day having sum(g) > 0
    ),
    updated as (
      update contest_daily_totals t
      set total = t.total + a.total, share = t.share + a.share, click = t.click + a.click, action = t.action + a.action, bonus = t.bonus + a.bonus
      from (select * from added where existed order by c, m, day) a
      where t.ctid = a.tid and t.total = a.total0
      returning 1
    ),
    created as (
      insert into contest_daily_totals (contest_id, membership_id, day, total, share, click, action, bonus)
      select c, m, day, total, share, click, action, bonus from added where not existed order by c, m, day
    )
    select contest_id, membership_id, sum(points)::int as points, count(*)::int as rows
    from inserted group by contest_id, membership_id
    having 1 / (select (count(*) = (select count(*) from added where existed))::int from updated) = 1`;

async function writeRun(run: Candidate[], judgeKeys: boolean): Promise<Granted[]> {
  const client = db.$client;
  const col = <T>(pick: (c: Candidate) => T) => client.array(run.map(pick) as never[]);
  const params = [
    col((c) => c.orgId),
    col((c) => c.contestId),
    col((c) => c.membershipId),
    col((c) => Math.max(0, c.points)),
    col((c) => c.source),
    col((c) => c.idempotencyKey),
    col((c) => c.sourceId),
    col((c) => c.postId),
    col((c) => c.network),
    col((c) => c.detail),
    col((c) => c.day),
    col((c) => c.occurredAt.getTime() / 1000),
    col((c) => c.caps.daily),
    col((c) => c.caps.rule),
    judgeKeys,
  ];
  return client.unsafe<Granted[]>(STATEMENT, params as never[]);
}

// Errors a concurrent batch causes (a key or a totals row it took first, a deadlock PostgreSQL
// broke): the statement left no trace, the run is judged again on what is committed now.
const RACES = new Set(["23505", "40P01", TOTALS_MOVED]);
const ATTEMPTS = 10;

// Replays are rare: a run is first written assuming every key is new (no lookup per event);
// a key already taken fails the insert, and the run is judged again looking keys up.
async function writeRunJudgedOnCommittedFacts(run: Candidate[]) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeRun(run, attempt > 1);
    } catch (error) {
      if (attempt >= ATTEMPTS || !RACES.has((error as { code?: string }).code ?? "")) throw error;
    }
  }
}

// Writes a batch of scoring events to the ledger, then the boards. Several worker processes
// may run it at once: a run commits only if the totals it judged caps on were still the
// committed ones and its keys were new, so caps hold and a replayed event scores nothing.
// One statement per batch whatever its size, then one Redis round trip for the boards.
export async function recordPoints(candidates: Candidate[], options: { publish?: boolean } = {}) {
  const unique = new Map<string, Candidate>();
  for (const c of candidates) if (!unique.has(c.idempotencyKey)) unique.set(c.idempotencyKey, c);
  const batch = [...unique.values()];
  if (!batch.length) return { recorded: 0, points: 0 };
  await arrayTypesLoaded();

  const teams = new Map<string, string[]>();
  for (const c of batch) teams.set(`${c.contestId}\u0000${c.membershipId}`, c.groupIds);
  // The boards get what the ledger actually took, as returned by the statement.
  const deltas: BoardDelta[] = [];
  let recorded = 0;
  for (const run of uniformRuns(batch)) {
    for (const row of await writeRunJudgedOnCommittedFacts(run)) {
      recorded += row.rows;
      deltas.push({ contestId: row.contest_id, membershipId: row.membership_id, points: row.points, groupIds: teams.get(`${row.contest_id}\u0000${row.membership_id}`) ?? [] });
    }
  }
  if (deltas.length) await addPointsToBoards(deltas, options);
  return { recorded, points: deltas.reduce((sum, d) => sum + d.points, 0) };
}

// After the commit: a process that dies between the two leaves the board behind the ledger,
// which the drift check (rebuild.ts) repairs.
export async function addPointsToBoards(deltas: BoardDelta[], options: { publish?: boolean } = {}) {
  const redis = await boardRedis();
  const replies = (await addToBoards(redis.pipeline(), deltas).exec()) ?? [];
  const failed = replies.find(([error]) => error);
  if (failed) throw failed[0];
  if (options.publish === false) return;
  const orgOf = new Set(deltas.map((d) => d.contestId));
  for (const contestId of orgOf) await announce(contestId);
}

// Viewers of a board refresh on this; they read the standings themselves.
export async function announce(contestId: string) {
  const [row] = await db.$client`select organization_id from contests where id = ${contestId}`;
  if (row) await publishLive(row.organization_id, contestTopic(contestId), { contestId, at: Date.now() });
}

export const contestTopic = (contestId: string) => `contest-${contestId}`;
