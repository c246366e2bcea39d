// No "server-only": the workers and the CLI rebuild boards.
import { randomBytes } from "node:crypto";
import { and, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { contestPoints, contests, groupMembers } from "@/db/schema";
import { boardKeys, boardRedis } from "./board";

// What the boards must say, read from the ledger: each member's net points, and each team's
// total (its members' points, teams being the member's groups among the contest's).
export async function ledgerBoards(contestId: string) {
  const [contest] = await db.select({ groupIds: contests.groupIds }).from(contests).where(eq(contests.id, contestId));
  const sums = await db
    .select({ membershipId: contestPoints.membershipId, points: sql<number>`sum(${contestPoints.points})::int` })
    .from(contestPoints)
    .where(eq(contestPoints.contestId, contestId))
    .groupBy(contestPoints.membershipId);
  const members = new Map(sums.map((s) => [s.membershipId, s.points]));
  const teams = new Map<string, number>();
  const ids = [...members.keys()];
  for (let i = 0; i < ids.length; i += 10_000) {
    const chunk = ids.slice(i, i + 10_000);
    const rows = await db
      .select({ membershipId: groupMembers.membershipId, groupId: groupMembers.groupId })
      .from(groupMembers)
      .where(and(inArray(groupMembers.membershipId, chunk), contest?.groupIds.length ? inArray(groupMembers.groupId, contest.groupIds) : undefined));
    for (const row of rows) teams.set(row.groupId, (teams.get(row.groupId) ?? 0) + (members.get(row.membershipId) ?? 0));
  }
  return { members, teams };
}

async function readBoard(key: string) {
  const redis = await boardRedis();
  const board = new Map<string, number>();
  let cursor = "0";
  do {
    const [next, flat] = await redis.zscan(key, cursor, "COUNT", 5_000);
    for (let i = 0; i < flat.length; i += 2) board.set(flat[i], Number(flat[i + 1]));
    cursor = next;
  } while (cursor !== "0");
  return board;
}

function differences(expected: Map<string, number>, actual: Map<string, number>) {
  let count = 0;
  for (const [id, points] of expected) if (actual.get(id) !== points) count++;
  for (const id of actual.keys()) if (!expected.has(id)) count++;
  return count;
}

// How many members and teams the boards have wrong (0: they agree with the ledger).
export async function boardMismatches(contestId: string) {
  const expected = await ledgerBoards(contestId);
  const keys = boardKeys(contestId);
  const [members, teams] = await Promise.all([readBoard(keys.members), readBoard(keys.teams)]);
  return differences(expected.members, members) + differences(expected.teams, teams);
}

async function writeBoard(key: string, values: Map<string, number>) {
  const redis = await boardRedis();
  // Built aside and renamed into place: a viewer never sees a half-built board.
  const temp = `${key}:rebuild-${randomBytes(4).toString("hex")}`;
  const entries = [...values];
  for (let i = 0; i < entries.length; i += 5_000) {
    const args = entries.slice(i, i + 5_000).flatMap(([id, points]) => [points, id]);
    await redis.zadd(temp, ...(args as (string | number)[]));
  }
  if (entries.length) await redis.rename(temp, key);
  else await redis.unlink(key);
}

// The boards rebuilt exactly from the ledger (after Redis lost them, or drifted).
export async function rebuildBoards(contestId: string) {
  const expected = await ledgerBoards(contestId);
  const keys = boardKeys(contestId);
  await writeBoard(keys.members, expected.members);
  await writeBoard(keys.teams, expected.teams);
  return { members: expected.members.size, teams: expected.teams.size };
}

// The periodic check: every contest still live (or closed in the last day) compared with its
// ledger, and rebuilt where it drifted. Returns the contests repaired.
export async function repairDrift(now = new Date()) {
  const live = await db
    .select({ id: contests.id })
    .from(contests)
    .where(and(lte(contests.startsAt, now), sql`coalesce(${contests.closedAt}, ${contests.endsAt}) > ${new Date(now.getTime() - 86_400_000).toISOString()}::timestamptz`));
  const repaired: string[] = [];
  for (const { id } of live) {
    if ((await boardMismatches(id)) > 0) {
      await rebuildBoards(id);
      repaired.push(id);
    }
  }
  return repaired;
}

export async function findContestIds(options: { openOnly?: boolean } = {}) {
  const rows = await db.select({ id: contests.id }).from(contests).where(options.openOnly ? isNull(contests.closedAt) : undefined);
  return rows.map((r) => r.id);
}
