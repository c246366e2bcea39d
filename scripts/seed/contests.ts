import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { clicks, contestPoints, contestRuleVersions, contests, memberships, organizations, posts, shares, trackedLinks } from "@/db/schema";
import type { ContestRuleSet } from "@/db/schema/contests";
import type { Network } from "@/db/schema/enums";
import { dayKey } from "@/lib/calendar/zoned";
import { DEFAULT_RULES } from "@/lib/contests/rules";
import { createLinkCode } from "@/lib/tracked-links/codes";

const HOUR = 3600 * 1000;
const NETWORKS: Network[] = ["linkedin", "linkedin", "linkedin", "facebook", "x", "bluesky", "whatsapp", "email"];
const ACTIONS = ["email", "email", "call", "share", "link"] as const;

function sequence(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

// A contest running now over the three days of hearings (started two days ago, ends
// tomorrow), with real shares and people's clicks made during it and the ledger lines they
// earned, calls to action done, one change of the points rules yesterday (clicks worth
// more) and one set of points taken back with its reason. The boards are built from this
// ledger after the seed (and by the workers' drift check).
export async function seedContests(db: Database | Transaction, orgId: string, log: (m: string) => void) {
  const random = sequence(1302);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const [org] = await db.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, orgId));
  const [lead] = await db.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.organizationId, orgId), eq(memberships.role, "lead"))).limit(1);
  const published = await db.select({ id: posts.id, campaignId: posts.campaignId }).from(posts).where(and(eq(posts.organizationId, orgId), eq(posts.status, "published")));
  const people = await db
    .select({ id: memberships.id, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organizationId, orgId), eq(memberships.status, "active"), inArray(memberships.role, ["staff", "advocate"])))
    .orderBy(memberships.id)
    .limit(400);
  if (!published.length || !people.length) return null;

  const now = Date.now();
  const startsAt = new Date(now - 2 * 24 * HOUR);
  const endsAt = new Date(now + 24 * HOUR);
  const changedAt = new Date(now - 20 * HOUR);
  const v1: ContestRuleSet = { ...DEFAULT_RULES };
  const v2: ContestRuleSet = { ...DEFAULT_RULES, click: 3 };
  const [contest] = await db
    .insert(contests)
    .values({
      organizationId: orgId,
      nameFr: "Défi des audiences en commission",
      nameEn: "Committee hearings challenge",
      descriptionFr: "Trois jours pour faire entendre la profession pendant l'étude du projet de loi : partagez, faites cliquer, écrivez à votre député.",
      descriptionEn: "Three days to make the profession heard while the bill is studied: share, get people clicking, write to your MPP.",
      rulesTextFr: "Les points viennent des partages, des clics de personnes sur vos liens et des appels à l'action accomplis. Les plafonds quotidiens empêchent le pollupostage.",
      rulesTextEn: "Points come from shares, people's clicks on your links and calls to action done. Daily caps keep spamming from paying.",
      startsAt,
      endsAt,
      prizes: [
        { fromRank: 1, toRank: 1, labelFr: "Inscription gratuite au colloque annuel", labelEn: "Free registration to the annual conference" },
        { fromRank: 2, toRank: 3, labelFr: "Carte-cadeau de 50 $ d'une librairie indépendante", labelEn: "$50 independent bookstore gift card" },
        { fromRank: 4, toRank: 10, labelFr: "Tasse « Au-delà du travail décent »", labelEn: "“Au-delà du travail décent” mug" },
      ],
      minScore: 40,
      createdBy: lead?.userId ?? null,
    })
    .returning();
  await db.insert(contestRuleVersions).values([
    { organizationId: orgId, contestId: contest.id, effectiveFrom: startsAt, rules: v1, createdBy: lead?.userId ?? null },
    { organizationId: orgId, contestId: contest.id, effectiveFrom: changedAt, rules: v2, createdBy: lead?.userId ?? null },
  ]);

  const ledger: (typeof contestPoints.$inferInsert)[] = [];
  const clickRows: (typeof clicks.$inferInsert)[] = [];
  const line = (membershipId: string, source: "share" | "click" | "action", points: number, at: Date, key: string, extra: Partial<typeof contestPoints.$inferInsert> = {}) =>
    ledger.push({ organizationId: orgId, contestId: contest.id, membershipId, points, source, idempotencyKey: `${contest.id}:${key}`, day: dayKey(at, org.timeZone), occurredAt: at, ...extra });
  const rulesAt = (at: Date) => (at >= changedAt ? v2 : v1);

  let shareCount = 0;
  for (const [index, member] of people.entries()) {
    // A few people carry the contest, many share once or twice, some not at all.
    const activity = index < 12 ? 6 : random() < 0.45 ? 1 + Math.floor(random() * 3) : 0;
    const taken = new Set<string>();
    for (let i = 0; i < activity; i++) {
      const post = pick(published);
      const network = pick(NETWORKS);
      if (taken.has(`${post.id}:${network}`)) continue;
      taken.add(`${post.id}:${network}`);
      const sharedAt = new Date(startsAt.getTime() + Math.floor(random() * (now - startsAt.getTime() - HOUR)));
      const [link] = await db
        .insert(trackedLinks)
        .values({ organizationId: orgId, code: createLinkCode(), membershipId: member.id, postId: post.id, network, createdAt: sharedAt })
        .onConflictDoNothing()
        .returning({ id: trackedLinks.id });
      if (!link) continue;
      const [share] = await db.insert(shares).values({ organizationId: orgId, membershipId: member.id, postId: post.id, network, linkId: link.id, createdAt: sharedAt }).returning({ id: shares.id });
      shareCount++;
      line(member.id, "share", rulesAt(sharedAt).share[network] ?? 0, sharedAt, `share:${member.id}:${post.id}:${network}`, { sourceId: share.id, postId: post.id, network });
      const visitors = Math.floor(random() * random() * (index < 12 ? 30 : 10));
      for (let v = 0; v < visitors; v++) {
        const at = new Date(Math.min(now - 60_000, sharedAt.getTime() + Math.floor(random() * 20 * HOUR)));
        const id = `seedc${clickRows.length.toString(36)}${Math.floor(random() * 1e9).toString(36)}`;
        clickRows.push({ id, organizationId: orgId, linkId: link.id, postId: post.id, campaignId: post.campaignId, membershipId: member.id, network, clickedAt: at, visitorHash: `seed-contest-${link.id}-${v}`, isUnique: true, deviceClass: "mobile", country: "CA" });
        line(member.id, "click", rulesAt(at).click, at, `click:${id}`, { sourceId: id, postId: post.id, network });
      }
    }
    if (activity && random() < 0.5) {
      const at = new Date(startsAt.getTime() + Math.floor(random() * (now - startsAt.getTime())));
      const kind = pick(ACTIONS);
      line(member.id, "action", rulesAt(at).action[kind] ?? 0, at, `action:seed-${index}:${member.id}`, { sourceId: `seed-action-${index}`, detail: kind });
    }
  }
  // The caps hold in the seed too: a member's lines of one day past 200 points are dropped.
  const perDay = new Map<string, number>();
  const kept = ledger
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())
    .filter((row) => {
      const key = `${row.membershipId}:${row.day}`;
      const total = perDay.get(key) ?? 0;
      if (row.points <= 0 || total + row.points > (DEFAULT_RULES.caps.daily ?? Infinity)) return false;
      perDay.set(key, total + row.points);
      return true;
    });
  for (let i = 0; i < clickRows.length; i += 1_000) await db.insert(clicks).values(clickRows.slice(i, i + 1_000));
  for (let i = 0; i < kept.length; i += 1_000) await db.insert(contestPoints).values(kept.slice(i, i + 1_000));

  // One member's points taken back by the lead, with the reason, as a reversal line.
  const [cheater] = await db
    .select({ membershipId: contestPoints.membershipId, points: sql<number>`sum(${contestPoints.points})::int` })
    .from(contestPoints)
    .where(eq(contestPoints.contestId, contest.id))
    .groupBy(contestPoints.membershipId)
    .orderBy(sql`sum(${contestPoints.points}) desc`)
    .offset(5)
    .limit(1);
  if (cheater) {
    const at = new Date(now - 3 * HOUR);
    await db.insert(contestPoints).values({
      organizationId: orgId,
      contestId: contest.id,
      membershipId: cheater.membershipId,
      points: -Math.min(30, cheater.points),
      source: "reversal",
      idempotencyKey: `${contest.id}:seed-reversal`,
      reason: "Liens partagés dans un groupe d'échange de clics / Links posted in a click-exchange group",
      actorUserId: lead?.userId ?? null,
      day: dayKey(at, org.timeZone),
      occurredAt: at,
    });
  }
  await db.execute(sql`
    insert into contest_daily_totals (contest_id, membership_id, day, total, share, click, action, bonus)
    select contest_id, membership_id, day, sum(points), coalesce(sum(points) filter (where source = 'share'), 0), coalesce(sum(points) filter (where source = 'click'), 0),
      coalesce(sum(points) filter (where source = 'action'), 0), coalesce(sum(points) filter (where source = 'bonus'), 0)
    from contest_points where contest_id = ${contest.id} and source <> 'reversal' group by 1, 2, 3`);
  log(`Seeded a running contest with ${shareCount} shares, ${clickRows.length} people's clicks and ${kept.length} ledger lines.`);
  return contest.id;
}
