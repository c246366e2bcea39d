// No "server-only": the workers (plain Node) score events.
import { and, eq, gt, inArray, isNull, lte } from "drizzle-orm";
import { db } from "@/db/client";
import { clicks, contestRuleVersions, contests, groupMembers, keyMoments, memberships, organizations, posts, shares } from "@/db/schema";
import type { Contest, ContestRuleVersion } from "@/db/schema/contests";
import { dayKey } from "@/lib/calendar/zoned";
import { recordPoints, type Candidate } from "./ledger";
import { capFor, ruleVersionAt, type ScoredSource } from "./rules";

type RunningContest = Contest & { versions: ContestRuleVersion[] };

// Contests of the organisation whose window holds `from`..`to` (closed ones score nothing).
async function contestsAround(orgId: string, from: Date, to: Date): Promise<RunningContest[]> {
  const rows = await db
    .select()
    .from(contests)
    .where(and(eq(contests.organizationId, orgId), isNull(contests.closedAt), lte(contests.startsAt, to), gt(contests.endsAt, from)));
  if (!rows.length) return [];
  const versions = await db.select().from(contestRuleVersions).where(inArray(contestRuleVersions.contestId, rows.map((c) => c.id)));
  return rows.map((c) => ({ ...c, versions: versions.filter((v) => v.contestId === c.id) }));
}

type Participant = { role: string; status: string; groupIds: string[] };

async function participants(membershipIds: string[]) {
  const ids = [...new Set(membershipIds)];
  const result = new Map<string, Participant>();
  if (!ids.length) return result;
  const [rows, groups] = await Promise.all([
    db.select({ id: memberships.id, role: memberships.role, status: memberships.status }).from(memberships).where(inArray(memberships.id, ids)),
    db.select({ membershipId: groupMembers.membershipId, groupId: groupMembers.groupId }).from(groupMembers).where(inArray(groupMembers.membershipId, ids)),
  ]);
  for (const row of rows) result.set(row.id, { role: row.role, status: row.status, groupIds: [] });
  for (const g of groups) result.get(g.membershipId)?.groupIds.push(g.groupId);
  return result;
}

// Who takes part: active members of the chosen kinds (staff: every role but advocate), in
// one of the contest's groups when it names some. Their teams are those groups.
export function teamsIn(contest: Pick<Contest, "includeStaff" | "includeAdvocates" | "groupIds">, member: Participant | undefined): string[] | null {
  if (!member || member.status !== "active") return null;
  if (member.role === "advocate" ? !contest.includeAdvocates : !contest.includeStaff) return null;
  if (!contest.groupIds.length) return member.groupIds;
  const teams = member.groupIds.filter((g) => contest.groupIds.includes(g));
  return teams.length ? teams : null;
}

const inWindow = (contest: Contest, at: Date) => contest.startsAt <= at && at < contest.endsAt;
const coversCampaign = (contest: Contest, campaignId: string | null) => !contest.campaignIds.length || (campaignId !== null && contest.campaignIds.includes(campaignId));

async function timeZoneOf(orgId: string) {
  const [org] = await db.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, orgId));
  return org?.timeZone ?? "UTC";
}

type Occurrence = {
  membershipId: string;
  at: Date;
  campaignId: string | null;
  // Per rule version: the source, its points and the key (per contest).
  parts: (rules: ContestRuleVersion["rules"]) => { source: ScoredSource; points: number; key: string; detail: string | null }[];
  sourceId: string;
  postId: string | null;
  network: string | null;
  // Counts whatever campaigns the contest covers (a call to action).
  anyCampaign?: boolean;
};

async function score(orgId: string, occurrences: Occurrence[], options: { publish?: boolean } = {}) {
  if (!occurrences.length) return { recorded: 0, points: 0 };
  const times = occurrences.map((o) => o.at.getTime());
  const running = await contestsAround(orgId, new Date(Math.min(...times)), new Date(Math.max(...times)));
  if (!running.length) return { recorded: 0, points: 0 };
  const [people, timeZone] = await Promise.all([participants(occurrences.map((o) => o.membershipId)), timeZoneOf(orgId)]);
  const candidates: Candidate[] = [];
  for (const o of occurrences) {
    for (const contest of running) {
      if (!inWindow(contest, o.at) || (!o.anyCampaign && !coversCampaign(contest, o.campaignId))) continue;
      const teams = teamsIn(contest, people.get(o.membershipId));
      const version = ruleVersionAt(contest.versions, o.at);
      if (!teams || !version) continue;
      for (const part of o.parts(version.rules)) {
        if (part.points <= 0) continue;
        candidates.push({
          orgId,
          contestId: contest.id,
          membershipId: o.membershipId,
          source: part.source,
          points: part.points,
          caps: capFor(version.rules, part.source),
          idempotencyKey: `${contest.id}:${part.key}`,
          day: dayKey(o.at, timeZone),
          occurredAt: o.at,
          sourceId: o.sourceId,
          postId: o.postId,
          network: o.network,
          detail: part.detail,
          groupIds: teams,
        });
      }
    }
  }
  return recordPoints(candidates, options);
}

// A share scores once per (member, post, network): the key leaves out the share itself, so
// sharing the same post again on the same network finds the key taken. During a key moment
// of the post's campaign it earns the bonus too.
export async function scoreShare(orgId: string, shareId: string) {
  const [row] = await db
    .select({ id: shares.id, membershipId: shares.membershipId, postId: shares.postId, network: shares.network, at: shares.createdAt, campaignId: posts.campaignId })
    .from(shares)
    .innerJoin(posts, eq(posts.id, shares.postId))
    .where(and(eq(shares.organizationId, orgId), eq(shares.id, shareId)));
  if (!row?.membershipId) return { recorded: 0, points: 0 };
  const membershipId = row.membershipId;
  const moment = row.campaignId ? await keyMomentAt(row.campaignId, row.at) : null;
  return score(orgId, [
    {
      membershipId,
      at: row.at,
      campaignId: row.campaignId,
      sourceId: row.id,
      postId: row.postId,
      network: row.network,
      parts: (rules) => [
        { source: "share", points: rules.share[row.network] ?? 0, key: `share:${membershipId}:${row.postId}:${row.network}`, detail: null },
        ...(moment ? [{ source: "bonus" as const, points: rules.keyMomentBonus, key: `bonus:${membershipId}:${row.postId}:${row.network}`, detail: moment.title }] : []),
      ],
    },
  ]);
}

// A key moment of the campaign happening at `at` (one without an end lasts its first day).
async function keyMomentAt(campaignId: string, at: Date) {
  const moments = await db.select({ title: keyMoments.title, startsAt: keyMoments.startsAt, endsAt: keyMoments.endsAt }).from(keyMoments).where(eq(keyMoments.campaignId, campaignId));
  return moments.find((m) => m.startsAt <= at && at < (m.endsAt ?? new Date(m.startsAt.getTime() + 86_400_000))) ?? null;
}

// Only people's clicks score: the ingester marked robots, previews, HEAD requests,
// prefetches, repeats and the sharer's own clicks with a filter reason.
export async function scoreClicks(orgId: string, clickIds: string[], options: { publish?: boolean } = {}) {
  if (!clickIds.length) return { recorded: 0, points: 0 };
  const rows = await db
    .select({ id: clicks.id, membershipId: clicks.membershipId, postId: clicks.postId, campaignId: clicks.campaignId, network: clicks.network, at: clicks.clickedAt })
    .from(clicks)
    .where(and(eq(clicks.organizationId, orgId), inArray(clicks.id, clickIds), isNull(clicks.filterReason), eq(clicks.isUnique, true)));
  return score(
    orgId,
    rows.flatMap((row) =>
      row.membershipId
        ? [
            {
              membershipId: row.membershipId,
              at: row.at,
              campaignId: row.campaignId,
              sourceId: row.id,
              postId: row.postId,
              network: row.network,
              parts: (rules: ContestRuleVersion["rules"]) => [{ source: "click" as const, points: rules.click, key: `click:${row.id}`, detail: null }],
            },
          ]
        : [],
    ),
    options,
  );
}

// A call to action done. Alerts are not tied to a campaign here, so it scores in every
// running contest the member takes part in, at the time it is scored.
export async function scoreAction(orgId: string, action: { actionId: string; alertId: string; membershipId: string; kind: string }, at = new Date()) {
  return score(orgId, [
    {
      membershipId: action.membershipId,
      at,
      campaignId: null,
      anyCampaign: true,
      sourceId: action.actionId,
      postId: null,
      network: null,
      parts: (rules) => [{ source: "action", points: rules.action[action.kind] ?? 0, key: `action:${action.actionId}:${action.membershipId}`, detail: action.kind }],
    },
  ]);
}
