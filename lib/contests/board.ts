// No "server-only": the workers (plain Node) score and rebuild boards too.
import { createHash } from "node:crypto";
import type { ChainableCommander, Redis } from "ioredis";
import { queuePrefix } from "@/lib/jobs/queues";
import { getRedis, whenReady } from "@/lib/redis";

// Live boards are Redis sorted sets rebuilt from the ledger at will: one of members
// (membership id → points) and one of teams (group id → total points) per contest.
export const boardKeys = (contestId: string) => {
  const base = `${queuePrefix()}:contest:${contestId}`;
  return { members: `${base}:members`, teams: `${base}:teams` };
};

export async function boardRedis(): Promise<Redis> {
  const redis = getRedis();
  if (!(await whenReady(redis, 3_000))) throw new Error("Redis is not reachable");
  return redis;
}

export type BoardDelta = { contestId: string; membershipId: string; points: number; groupIds: string[] };

// Adds points to the boards in one round trip. ZINCRBY commutes, so any number of worker
// processes may add at once and the sum still matches the ledger. The deltas are summed per
// board entry first (a team gets one increment per batch, not one per member's event), and
// each board gets its increments as one script call with many arguments rather than one
// command each: thousands of commands cost the client far more than Redis.
const INCREMENTS = `
for i = 1, #ARGV, 2 do redis.call('ZINCRBY', KEYS[1], ARGV[i + 1], ARGV[i]) end
return #ARGV / 2`;
const INCREMENTS_PER_CALL = 5_000;

export function addToBoards(pipeline: ChainableCommander, deltas: BoardDelta[]) {
  const boards = new Map<string, Map<string, number>>();
  const add = (key: string, id: string, points: number) => {
    let board = boards.get(key);
    if (!board) boards.set(key, (board = new Map()));
    board.set(id, (board.get(id) ?? 0) + points);
  };
  for (const delta of deltas) {
    if (delta.points === 0) continue;
    const keys = boardKeys(delta.contestId);
    add(keys.members, delta.membershipId, delta.points);
    for (const groupId of delta.groupIds) add(keys.teams, groupId, delta.points);
  }
  for (const [key, board] of boards) {
    const args: (string | number)[] = [];
    for (const [id, points] of board) {
      if (points === 0) continue;
      args.push(id, points);
      if (args.length === INCREMENTS_PER_CALL * 2) pipeline.eval(INCREMENTS, 1, key, ...args.splice(0));
    }
    if (args.length) pipeline.eval(INCREMENTS, 1, key, ...args);
  }
  return pipeline;
}

export type BoardRow = { id: string; points: number; rank: number };

// The top of a board with standard competition ranks (1, 2, 2, 4): equal points, equal rank.
export async function readTop(redis: Redis, key: string, count: number): Promise<BoardRow[]> {
  return ranked(await redis.zrevrange(key, 0, count - 1, "WITHSCORES"));
}

function ranked(flat: string[]) {
  const rows: BoardRow[] = [];
  for (let i = 0; i < flat.length; i += 2) {
    const points = Number(flat[i + 1]);
    const previous = rows.at(-1);
    rows.push({ id: flat[i], points, rank: previous && previous.points === points ? previous.rank : rows.length + 1 });
  }
  return rows;
}

export type Standing = { points: number; rank: number; gapToNext: number | null; nextRank: number | null } | null;

// A member's score, how many have more, and the lowest score above theirs: one round trip.
const STANDING = `
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not score then return false end
local above = redis.call('ZCOUNT', KEYS[1], '(' .. score, '+inf')
local next = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. score, '+inf', 'WITHSCORES', 'LIMIT', 0, 1)
if not next[2] then return { score, above, false, false } end
return { score, above, next[2], redis.call('ZCOUNT', KEYS[1], '(' .. next[2], '+inf') }`;

// Sent by digest (EVALSHA): the script's text is loaded once per Redis server, not per read.
const STANDING_SHA = createHash("sha1").update(STANDING).digest("hex");
const noScript = (error: unknown) => error instanceof Error && error.message.startsWith("NOSCRIPT");

type StandingReply = [string, number, string | null, number | null] | null;

function toStanding(reply: StandingReply): Standing {
  if (!reply) return null;
  const points = Number(reply[0]);
  const next = reply[2] === null || reply[2] === undefined ? null : Number(reply[2]);
  return { points, rank: reply[1] + 1, gapToNext: next === null ? null : next - points, nextRank: next === null ? null : Number(reply[3]) + 1 };
}

// One member's points, rank (1 + how many have more) and the points that separate them
// from the next rank up and that rank (null when first): O(log n) in Redis.
export async function readStanding(redis: Redis, key: string, id: string): Promise<Standing> {
  try {
    return toStanding((await redis.evalsha(STANDING_SHA, 1, key, id)) as StandingReply);
  } catch (error) {
    if (!noScript(error)) throw error;
    return toStanding((await redis.eval(STANDING, 1, key, id)) as StandingReply);
  }
}

// The top of the board and one member's standing in a single round trip.
export async function readTopAndStanding(redis: Redis, key: string, count: number, id: string | null) {
  const read = async (script: "sha" | "text") => {
    const pipeline = redis.pipeline().zrevrange(key, 0, count - 1, "WITHSCORES");
    if (id && script === "sha") pipeline.evalsha(STANDING_SHA, 1, key, id);
    else if (id) pipeline.eval(STANDING, 1, key, id);
    return (await pipeline.exec()) as [[Error | null, string[]], [Error | null, StandingReply]?];
  };
  let replies = await read("sha");
  if (noScript(replies[1]?.[0])) replies = await read("text");
  const [[topError, flat], standing] = replies;
  if (topError) throw topError;
  if (standing?.[0]) throw standing[0];
  return { top: ranked(flat), me: standing ? toStanding(standing[1]) : null };
}
