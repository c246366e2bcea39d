import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { campaigns, contestPoints, contestRuleVersions, contests, groupMembers, groups, memberships, postVariants, users } from "@/db/schema";
import type { Contest, ContestRuleSet } from "@/db/schema/contests";
import type { Locale } from "@/db/schema/enums";
import { zonedToUtc } from "@/lib/calendar/zoned";
import { AppError } from "@/lib/errors";
import { assertGroupsInOrg } from "@/lib/groups/queries";
import { getOrganizationSettings } from "@/lib/organizations/settings";
import { inOrg, type Tenant } from "@/lib/tenancy";
import { boardKeys, boardRedis, readStanding, readTop, readTopAndStanding, type Standing } from "./board";
import { type ContestInput, toRuleSet } from "./schemas";

export type ContestPhase = "upcoming" | "running" | "ended" | "closed";
export function phaseOf(contest: Pick<Contest, "startsAt" | "endsAt" | "closedAt">, now = new Date()): ContestPhase {
  if (contest.closedAt) return "closed";
  if (now < contest.startsAt) return "upcoming";
  return now < contest.endsAt ? "running" : "ended";
}

export async function getContestOrThrow(tenant: Pick<Tenant, "orgId">, id: string) {
  const [row] = await db.select().from(contests).where(inOrg(contests, tenant, eq(contests.id, id)));
  if (!row) throw new AppError("not_found", "Contest not found");
  return row;
}

export async function findContests(tenant: Tenant) {
  return db.select().from(contests).where(inOrg(contests, tenant)).orderBy(desc(contests.startsAt));
}

export async function findRuleVersions(tenant: Tenant, contestId: string) {
  return db.select().from(contestRuleVersions).where(inOrg(contestRuleVersions, tenant, eq(contestRuleVersions.contestId, contestId))).orderBy(asc(contestRuleVersions.effectiveFrom));
}

async function checkedInput(tenant: Tenant, input: ContestInput) {
  const { timeZone } = await getOrganizationSettings(tenant);
  const startsAt = zonedToUtc(input.startsAt, timeZone);
  const endsAt = zonedToUtc(input.endsAt, timeZone);
  if (!startsAt || !endsAt || endsAt <= startsAt) throw new AppError("bad_request", "The contest must end after it starts");
  await assertGroupsInOrg(db, tenant, input.groupIds);
  const campaignIds = [...new Set(input.campaignIds)];
  if (campaignIds.length) {
    const found = await db.select({ id: campaigns.id }).from(campaigns).where(inOrg(campaigns, tenant, inArray(campaigns.id, campaignIds)));
    if (found.length !== campaignIds.length) throw new AppError("not_found", "Campaign not found");
  }
  if (!input.includeStaff && !input.includeAdvocates) throw new AppError("bad_request", "Nobody takes part");
  return {
    values: {
      nameFr: input.nameFr,
      nameEn: input.nameEn,
      descriptionFr: input.descriptionFr,
      descriptionEn: input.descriptionEn,
      rulesTextFr: input.rulesTextFr,
      rulesTextEn: input.rulesTextEn,
      campaignIds,
      groupIds: [...new Set(input.groupIds)],
      includeStaff: input.includeStaff,
      includeAdvocates: input.includeAdvocates,
      prizes: input.prizes,
      minScore: input.minScore,
    },
    startsAt,
    endsAt,
    rules: toRuleSet(input),
  };
}

export async function createContest(tenant: Tenant, input: ContestInput) {
  const { values, startsAt, endsAt, rules } = await checkedInput(tenant, input);
  return db.transaction(async (tx) => {
    const [contest] = await tx.insert(contests).values({ ...values, organizationId: tenant.orgId, startsAt, endsAt, createdBy: tenant.userId }).returning();
    await tx.insert(contestRuleVersions).values({ organizationId: tenant.orgId, contestId: contest.id, effectiveFrom: startsAt, rules, createdBy: tenant.userId });
    return contest;
  });
}

const sameRules = (a: ContestRuleSet, b: ContestRuleSet) => JSON.stringify(a) === JSON.stringify(b);

// Before the start everything may change. Once it has started the start stays, and new
// points rules apply from now on: a version is added, shown on the rules page with its date,
// and what was scored before keeps its points. A closed contest is frozen.
export async function updateContest(tenant: Tenant, id: string, input: ContestInput, now = new Date()) {
  const contest = await getContestOrThrow(tenant, id);
  const phase = phaseOf(contest, now);
  if (phase === "closed") throw new AppError("conflict", "The contest is closed");
  const { values, startsAt, endsAt, rules } = await checkedInput(tenant, input);
  return db.transaction(async (tx) => {
    if (phase === "upcoming") {
      await tx.update(contests).set({ ...values, startsAt, endsAt }).where(inOrg(contests, tenant, eq(contests.id, id)));
      await tx.delete(contestRuleVersions).where(inOrg(contestRuleVersions, tenant, eq(contestRuleVersions.contestId, id)));
      await tx.insert(contestRuleVersions).values({ organizationId: tenant.orgId, contestId: id, effectiveFrom: startsAt, rules, createdBy: tenant.userId });
      return { id, newRules: false };
    }
    if (endsAt <= now) throw new AppError("bad_request", "The end must be in the future");
    await tx.update(contests).set({ ...values, endsAt }).where(inOrg(contests, tenant, eq(contests.id, id)));
    const versions = await tx.select().from(contestRuleVersions).where(eq(contestRuleVersions.contestId, id)).orderBy(desc(contestRuleVersions.effectiveFrom)).limit(1);
    if (versions[0] && sameRules(versions[0].rules, rules)) return { id, newRules: false };
    await tx.insert(contestRuleVersions).values({ organizationId: tenant.orgId, contestId: id, effectiveFrom: now, rules, createdBy: tenant.userId });
    return { id, newRules: true };
  });
}

// The big-screen link: a new secret replaces (so revokes) the old one.
export async function setScreenLink(tenant: Tenant, id: string, enabled: boolean) {
  await getContestOrThrow(tenant, id);
  const token = enabled ? randomBytes(18).toString("base64url") : null;
  await db.update(contests).set({ screenToken: token }).where(inOrg(contests, tenant, eq(contests.id, id)));
  return { token };
}

export async function getContestByScreenToken(token: string) {
  if (!/^[A-Za-z0-9_-]{20,40}$/.test(token)) return null;
  const [row] = await db.select().from(contests).where(eq(contests.screenToken, token));
  return row ?? null;
}

type TeamSize = { groupId: string; name: string; members: number };
const TEAM_SIZES_TTL_S = 60;

// Each team's active members who may take part (the divisor of its average). Counting them
// reads every member of the organisation, so the count is kept in Redis for a minute.
async function teamSizes(redis: Redis, contest: Contest): Promise<TeamSize[]> {
  const key = `${boardKeys(contest.id).teams}:sizes`;
  const cached = await redis.get(key);
  if (cached) return JSON.parse(cached) as TeamSize[];
  const teamIds = contest.groupIds.length ? contest.groupIds : (await db.select({ id: groups.id }).from(groups).where(eq(groups.organizationId, contest.organizationId))).map((g) => g.id);
  const rows = teamIds.length
    ? await db
        .select({ groupId: groups.id, name: groups.name, members: count(memberships.id) })
        .from(groups)
        .leftJoin(groupMembers, eq(groupMembers.groupId, groups.id))
        .leftJoin(
          memberships,
          and(
            eq(memberships.id, groupMembers.membershipId),
            eq(memberships.status, "active"),
            contest.includeStaff && contest.includeAdvocates ? undefined : contest.includeAdvocates ? eq(memberships.role, "advocate") : sql`${memberships.role} <> 'advocate'`,
          ),
        )
        .where(and(eq(groups.organizationId, contest.organizationId), inArray(groups.id, teamIds)))
        .groupBy(groups.id, groups.name)
    : [];
  await redis.set(key, JSON.stringify(rows), "EX", TEAM_SIZES_TTL_S);
  return rows;
}

export type BoardView = {
  members: { membershipId: string; name: string; points: number; rank: number }[];
  teams: { groupId: string; name: string; total: number; members: number; average: number }[];
  me: Standing;
};

// The live boards: the top of the members' board with names, every team with its total and
// its average per active member (so a team of 5 can beat a team of 200), and one member's
// own standing.
export async function readBoards(contest: Contest, membershipId: string | null, top = 50): Promise<BoardView> {
  const redis = await boardRedis();
  const keys = boardKeys(contest.id);
  const [{ top: members, me }, teamRows] = await Promise.all([readTopAndStanding(redis, keys.members, top, membershipId), readTop(redis, keys.teams, 1_000)]);
  const people = members.length
    ? await db
        .select({ id: memberships.id, name: sql<string>`coalesce(${users.name}, split_part(${users.email}, '@', 1))` })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.organizationId, contest.organizationId), inArray(memberships.id, members.map((m) => m.id))))
    : [];
  const names = new Map(people.map((p) => [p.id, p.name]));
  const sizes = await teamSizes(redis, contest);
  const totals = new Map(teamRows.map((t) => [t.id, t.points]));
  const teams = sizes
    .map((s) => {
      const total = totals.get(s.groupId) ?? 0;
      return { groupId: s.groupId, name: s.name, total, members: s.members, average: s.members ? Math.round((total / s.members) * 10) / 10 : 0 };
    })
    .sort((a, b) => b.average - a.average || b.total - a.total || a.name.localeCompare(b.name));
  return { members: members.map((m) => ({ membershipId: m.id, name: names.get(m.id) ?? "—", points: m.points, rank: m.rank })), teams, me };
}

// A member's points history: every ledger line, newest first, with what earned it (the
// post's title in the reader's language) and any reversal with its reason.
export async function findPointsHistory(tenant: Tenant, contestId: string, membershipId: string, locale: Locale) {
  await getContestOrThrow(tenant, contestId);
  const title = sql<string | null>`(select v.title from ${postVariants} v where v.post_id = ${contestPoints.postId} order by (v.locale = ${locale}) desc limit 1)`;
  return db
    .select({
      id: contestPoints.id,
      points: contestPoints.points,
      source: contestPoints.source,
      sourceId: contestPoints.sourceId,
      postId: contestPoints.postId,
      network: contestPoints.network,
      detail: contestPoints.detail,
      reason: contestPoints.reason,
      occurredAt: contestPoints.occurredAt,
      postTitle: title,
    })
    .from(contestPoints)
    .where(inOrg(contestPoints, tenant, eq(contestPoints.contestId, contestId), eq(contestPoints.membershipId, membershipId)))
    .orderBy(desc(contestPoints.id))
    .limit(500);
}

// The contests a member can see: every contest of the organisation, newest first, with
// their own standing on each.
export async function findMyContests(tenant: Tenant) {
  const rows = await findContests(tenant);
  const redis = await boardRedis().catch(() => null);
  return Promise.all(
    rows.map(async (contest) => ({ contest, phase: phaseOf(contest), me: redis && tenant.membershipId ? await readStanding(redis, boardKeys(contest.id).members, tenant.membershipId) : null })),
  );
}

export async function getMemberName(tenant: Tenant, membershipId: string) {
  const [row] = await db
    .select({ name: sql<string>`coalesce(${users.name}, ${users.email})` })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(inOrg(memberships, tenant, eq(memberships.id, membershipId)));
  if (!row) throw new AppError("not_found", "Member not found");
  return row.name;
}
