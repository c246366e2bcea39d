import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { clicks, contestPoints, contestRuleVersions, contests, shares, trackedLinks } from "@/db/schema";
import type { ContestRuleSet } from "@/db/schema/contests";
import type { ClickFilter } from "@/db/schema/clicks";
import type { Network } from "@/db/schema/enums";
import { boardKeys, boardRedis } from "@/lib/contests/board";
import { DEFAULT_RULES } from "@/lib/contests/rules";
import { unique } from "@/tests/factories";

type Org = { id: string };

const NO_CAPS = { daily: null, share: null, click: null, action: null, bonus: null };

export function rulesWith(overrides: Partial<ContestRuleSet> = {}): ContestRuleSet {
  return { ...DEFAULT_RULES, caps: NO_CAPS, ...overrides };
}

// A contest running now (an hour ago to a day ahead unless told otherwise) with one rule version.
export async function createRunningContest(org: Org, overrides: Partial<typeof contests.$inferInsert> = {}, rules = rulesWith()) {
  const [contest] = await db
    .insert(contests)
    .values({ organizationId: org.id, nameFr: "Concours", nameEn: "Contest", startsAt: new Date(Date.now() - 3600_000), endsAt: new Date(Date.now() + 86_400_000), ...overrides })
    .returning();
  await db.insert(contestRuleVersions).values({ organizationId: org.id, contestId: contest.id, effectiveFrom: contest.startsAt, rules });
  return contest;
}

export async function createLink(org: Org, membershipId: string, postId: string, network: Network = "linkedin") {
  const [link] = await db.insert(trackedLinks).values({ organizationId: org.id, code: unique("c"), membershipId, postId, network }).returning();
  return link;
}

export async function createShare(org: Org, membershipId: string, postId: string, network: Network = "linkedin", at = new Date()) {
  const link =
    (await db.query.trackedLinks.findFirst({ where: (l, { and, eq: is }) => and(is(l.membershipId, membershipId), is(l.postId, postId), is(l.network, network)) })) ??
    (await createLink(org, membershipId, postId, network));
  const [share] = await db.insert(shares).values({ organizationId: org.id, membershipId, postId, network, linkId: link.id, createdAt: at }).returning();
  return { share, link };
}

export async function createClick(
  org: Org,
  link: { id: string; postId: string; membershipId: string | null; network: Network },
  options: { filterReason?: ClickFilter | null; at?: Date; isUnique?: boolean; campaignId?: string | null } = {},
) {
  const [click] = await db
    .insert(clicks)
    .values({
      id: `clk-${randomBytes(6).toString("hex")}`,
      organizationId: org.id,
      linkId: link.id,
      postId: link.postId,
      campaignId: options.campaignId ?? null,
      membershipId: link.membershipId,
      network: link.network,
      clickedAt: options.at ?? new Date(),
      visitorHash: randomBytes(8).toString("hex"),
      isUnique: options.isUnique ?? true,
      filterReason: options.filterReason ?? null,
      deviceClass: "mobile",
    })
    .returning();
  return click;
}

export async function ledger(contestId: string) {
  return db.select().from(contestPoints).where(eq(contestPoints.contestId, contestId)).orderBy(contestPoints.id);
}

export async function ledgerTotal(contestId: string, membershipId: string) {
  return (await ledger(contestId)).filter((r) => r.membershipId === membershipId).reduce((sum, r) => sum + r.points, 0);
}

export async function boardScore(contestId: string, membershipId: string) {
  const score = await (await boardRedis()).zscore(boardKeys(contestId).members, membershipId);
  return score === null ? null : Number(score);
}

export async function dropBoards(contestId: string) {
  const keys = boardKeys(contestId);
  await (await boardRedis()).unlink(keys.members, keys.teams);
}
