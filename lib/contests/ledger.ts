// No "server-only": the workers (plain Node) write the ledger.
import { db } from "@/db/client";
import { publishLive } from "@/lib/live/publish";
import { addToBoards, boardRedis, type BoardDelta } from "./board";
import { applyCaps, type DayTotals, type ScoredSource } from "./rules";

// One scoring event, resolved: which contest and member, how many points the rule version
// in force gives, and that version's caps. Capping happens in `recordPoints`, under the lock.
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

let arrayTypes: Promise<unknown> | undefined;
// postgres.js learns array types on a connection's first round trip (see lib/clicks/queries.ts).
function arrayTypesLoaded() {
  arrayTypes ??= db.$client`select 1`.catch((error) => {
    arrayTypes = undefined;
    throw error;
  });
  return arrayTypes;
}

const dayRowKey = (contestId: string, membershipId: string, day: string) => `${contestId}\u0000${membershipId}\u0000${day}`;

class Replayed extends Error {}
type Written = Candidate & { granted: number };

async function writeBatch(batch: Candidate[], lockOrder: { contestId: string; membershipId: string; day: string }[], checkKeys: boolean): Promise<Written[]> {
  const client = db.$client;
  return client.begin(async (tx) => {
    const totals = await tx`
      insert into contest_daily_totals (contest_id, membership_id, day)
      select c, m, d from unnest(
        ${client.array(lockOrder.map((r) => r.contestId))}::text[],
        ${client.array(lockOrder.map((r) => r.membershipId))}::text[],
        ${client.array(lockOrder.map((r) => r.day))}::text[]) with ordinality as u(c, m, d, n)
      order by n
      on conflict (contest_id, membership_id, day) do update set total = contest_daily_totals.total
      returning contest_id, membership_id, day, total, share, click, action, bonus`;
    const days = new Map<string, DayTotals>();
    for (const t of totals) days.set(dayRowKey(t.contest_id, t.membership_id, t.day), { total: t.total, share: t.share, click: t.click, action: t.action, bonus: t.bonus });
    const before = new Map([...days].map(([k, v]) => [k, v.total]));

    const done = new Set<string>();
    if (checkKeys) {
      const seen = await tx`select idempotency_key from contest_points where idempotency_key = any(${client.array(batch.map((c) => c.idempotencyKey))}::text[])`;
      for (const r of seen) done.add(r.idempotency_key as string);
    }

    // In the order events happened, so a cap keeps the earliest points of the day.
    const rows: Written[] = [];
    for (const c of [...batch].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())) {
      if (done.has(c.idempotencyKey)) continue;
      const granted = applyCaps(days.get(dayRowKey(c.contestId, c.membershipId, c.day))!, c.source, c);
      if (granted > 0) rows.push({ ...c, granted });
    }
    if (!rows.length) return [];

    const col = <T>(pick: (r: Written) => T) => client.array(rows.map(pick) as never[]);
    const changed = [...days].filter(([k, v]) => v.total !== before.get(k));
    const part = (i: number) => client.array(changed.map(([k]) => k.split("\u0000")[i]));
    const total = (pick: (v: DayTotals) => number) => client.array(changed.map(([, v]) => pick(v)));
    // The ledger rows and the new daily totals in one statement.
    // A first attempt inserts plainly (cheaper than ON CONFLICT's speculative insertion): a
    // key already taken aborts the statement and the batch is judged again with the keys.
    const onConflict = checkKeys ? tx`on conflict (idempotency_key) do nothing` : tx``;
    let result: { inserted: number };
    try {
      [result] = await tx`
      with inserted as (
        insert into contest_points (organization_id, contest_id, membership_id, points, source, idempotency_key, source_id, post_id, network, detail, day, occurred_at)
        select o, c, m, p, s, k, sid, pid, n, d, day, to_timestamp(at) from unnest(
          ${col((r) => r.orgId)}::text[], ${col((r) => r.contestId)}::text[], ${col((r) => r.membershipId)}::text[],
          ${col((r) => r.granted)}::int[], ${col((r) => r.source)}::points_source[], ${col((r) => r.idempotencyKey)}::text[],
          ${col((r) => r.sourceId)}::text[], ${col((r) => r.postId)}::text[], ${col((r) => r.network)}::text[],
          ${col((r) => r.detail)}::text[], ${col((r) => r.day)}::text[], ${col((r) => r.occurredAt.getTime() / 1000)}::float8[])
          as u(o, c, m, p, s, k, sid, pid, n, d, day, at)
        ${onConflict}
        returning 1),
      totals as (
        update contest_daily_totals t set total = u.total, share = u.share, click = u.click, action = u.action, bonus = u.bonus
        from unnest(${part(0)}::text[], ${part(1)}::text[], ${part(2)}::text[], ${total((v) => v.total)}::int[],
          ${total((v) => v.share)}::int[], ${total((v) => v.click)}::int[], ${total((v) => v.action)}::int[], ${total((v) => v.bonus)}::int[])
          as u(c, m, d, total, share, click, action, bonus)
        where t.contest_id = u.c and t.membership_id = u.m and t.day = u.d
        returning 1)
      select (select count(*) from inserted)::int as inserted`;
    } catch (error) {
      if (!checkKeys && (error as { code?: string; constraint_name?: string }).constraint_name === "contest_points_idempotency_uq") throw new Replayed();
      throw error;
    }
    if (result.inserted !== rows.length) throw new Replayed();
    return rows;
  });
}

// Writes a batch of scoring events to the ledger and the boards. Several worker processes
// may run it at once: the first statement locks each (contest, member, day) totals row, in
// one sorted order so two batches never deadlock, and holds the locks until commit, so caps
// and idempotency are judged on committed facts. A replayed event finds its key and scores
// nothing. Two statements per batch whatever its size.
export async function recordPoints(candidates: Candidate[], options: { publish?: boolean } = {}) {
  const unique = new Map<string, Candidate>();
  for (const c of candidates) if (!unique.has(c.idempotencyKey)) unique.set(c.idempotencyKey, c);
  const batch = [...unique.values()];
  if (!batch.length) return { recorded: 0, points: 0 };
  await arrayTypesLoaded();

  const dayRows = new Map<string, { contestId: string; membershipId: string; day: string }>();
  for (const c of batch) dayRows.set(dayRowKey(c.contestId, c.membershipId, c.day), { contestId: c.contestId, membershipId: c.membershipId, day: c.day });
  const lockOrder = [...dayRows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);

  // Replays are rare: the batch is first written assuming every key is new, and only if the
  // insert finds a key taken is it rolled back and judged again knowing which were taken.
  let written: Written[];
  try {
    written = await writeBatch(batch, lockOrder, false);
  } catch (error) {
    if (!(error instanceof Replayed)) throw error;
    written = await writeBatch(batch, lockOrder, true);
  }
  if (written.length) await addPointsToBoards(written.map((r) => ({ contestId: r.contestId, membershipId: r.membershipId, points: r.granted, groupIds: r.groupIds })), options);
  return { recorded: written.length, points: written.reduce((sum, r) => sum + r.granted, 0) };
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
