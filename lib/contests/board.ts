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
  const flat = await redis.zrevrange(key, 0, count - 1, "WITHSCORES");
  const rows: BoardRow[] = [];
  for (let i = 0; i < flat.length; i += 2) {
    const points = Number(flat[i + 1]);
    const previous = rows.at(-1);
    rows.push({ id: flat[i], points, rank: previous && previous.points === points ? previous.rank : rows.length + 1 });
  }
  return rows;
}

export type Standing = { points: number; rank: number; gapToNext: number | null } | null;

// One member's points, rank (1 + how many have more) and the points that separate them
// from the next rank up (null when first). Three O(log n) commands in one round trip.
export async function readStanding(redis: Redis, key: string, id: string): Promise<Standing> {
  const score = await redis.zscore(key, id);
  if (score === null) return null;
  const points = Number(score);
  const [[, above], [, next]] = (await redis
    .multi()
    .zcount(key, `(${points}`, "+inf")
    .zrangebyscore(key, `(${points}`, "+inf", "WITHSCORES", "LIMIT", 0, 1)
    .exec()) as [[null, number], [null, string[]]];
  return { points, rank: above + 1, gapToNext: next.length ? Number(next[1]) - points : null };
}
