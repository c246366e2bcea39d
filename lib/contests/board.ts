// No "server-only": the workers (plain Node) score and rebuild boards too.
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
// processes may add at once and the sum still matches the ledger.
export function addToBoards(pipeline: ChainableCommander, deltas: BoardDelta[]) {
  for (const delta of deltas) {
    if (delta.points === 0) continue;
    const keys = boardKeys(delta.contestId);
    pipeline.zincrby(keys.members, delta.points, delta.membershipId);
    for (const groupId of delta.groupIds) pipeline.zincrby(keys.teams, delta.points, groupId);
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
  return toStanding((await redis.eval(STANDING, 1, key, id)) as StandingReply);
}

// The top of the board and one member's standing in a single round trip.
export async function readTopAndStanding(redis: Redis, key: string, count: number, id: string | null) {
  const pipeline = redis.pipeline().zrevrange(key, 0, count - 1, "WITHSCORES");
  if (id) pipeline.eval(STANDING, 1, key, id);
  const [[topError, flat], standing] = (await pipeline.exec()) as [[Error | null, string[]], [Error | null, StandingReply]?];
  if (topError) throw topError;
  if (standing?.[0]) throw standing[0];
  return { top: ranked(flat), me: standing ? toStanding(standing[1]) : null };
}
