import { and, count, desc, eq, isNull, max, sql, sum } from "drizzle-orm";
import { db } from "@/db/client";
import { clicks, postVariants, shareReminders, shares, trackedLinks, users } from "@/db/schema";
import type { Locale, Network } from "@/db/schema/enums";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { emit } from "@/lib/jobs/outbox";
import { notify } from "@/lib/notifications/notify";
import { postTitles } from "@/lib/posts/queries";
import { inOrg, type Tenant } from "@/lib/tenancy";
import { createLinkCode } from "@/lib/tracked-links/codes";

function memberOf(tenant: Tenant) {
  if (!tenant.membershipId || !tenant.userId) throw new AppError("forbidden", "Only a member can share");
  return { membershipId: tenant.membershipId, userId: tenant.userId };
}

// The one tracked link of (member, post, network). Concurrent taps race on the unique index:
// every insert but one does nothing, and all read the same row back. A code collision (≈ 2⁻⁵⁹
// per pair) just draws again.
export async function getOrCreateTrackedLink(tenant: Tenant, postId: string, network: Network) {
  const { membershipId } = memberOf(tenant);
  for (let attempt = 0; ; attempt++) {
    try {
      const [created] = await db
        .insert(trackedLinks)
        .values({ organizationId: tenant.orgId, code: createLinkCode(), membershipId, postId, network })
        .onConflictDoNothing({ target: [trackedLinks.postId, trackedLinks.membershipId, trackedLinks.network] })
        .returning();
      if (created) return { link: created, created: true };
      break;
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
  const [existing] = await db
    .select()
    .from(trackedLinks)
    .where(inOrg(trackedLinks, tenant, eq(trackedLinks.postId, postId), eq(trackedLinks.membershipId, membershipId), eq(trackedLinks.network, network)));
  return { link: existing, created: false };
}

export async function insertShare(tenant: Tenant, link: { id: string; postId: string; network: Network }) {
  const { membershipId, userId } = memberOf(tenant);
  return db.transaction(async (tx) => {
    const [share] = await tx
      .insert(shares)
      .values({ organizationId: tenant.orgId, membershipId, postId: link.postId, network: link.network, linkId: link.id })
      .returning();
    await emit(tx, { type: "share.recorded", orgId: tenant.orgId, payload: { shareId: share.id, postId: link.postId, linkId: link.id, userId, network: link.network } });
    return share;
  });
}

export async function getMastodonInstance(userId: string) {
  const [row] = await db.select({ instance: users.mastodonInstance }).from(users).where(eq(users.id, userId));
  return row?.instance ?? null;
}

export async function setMastodonInstance(userId: string, instance: string) {
  await db.update(users).set({ mastodonInstance: instance }).where(eq(users.id, userId));
}

export async function insertShareReminder(tenant: Tenant, postId: string, remindAt: Date) {
  const { membershipId, userId } = memberOf(tenant);
  return db.transaction(async (tx) => {
    const [reminder] = await tx.insert(shareReminders).values({ organizationId: tenant.orgId, membershipId, userId, postId, remindAt }).returning();
    await emit(tx, { type: "reminder.requested", orgId: tenant.orgId, payload: { reminderId: reminder.id, remindAt: reminder.remindAt.toISOString() } });
    return reminder;
  });
}

export async function getShareReminder(orgId: string, id: string) {
  const [reminder] = await db.select().from(shareReminders).where(inOrg(shareReminders, { orgId }, eq(shareReminders.id, id)));
  return reminder ?? null;
}

// At the time the member chose, one notification pointing at the post. A retry, a second
// enqueue or a run after it went out adds nothing: the reminder is re-read, and the
// notification names the reminder.
export async function sendShareReminder(orgId: string, id: string) {
  const reminder = await getShareReminder(orgId, id);
  if (!reminder || reminder.sentAt) return { notified: 0 };
  const data = { postId: reminder.postId, ...(await postTitles(db, reminder.postId)) };
  const notified = await db.transaction(async (tx) => {
    const count = await notify(tx, { orgId, kind: "share_reminder", recipients: [reminder.userId], data, href: `/feed/${reminder.postId}`, about: reminder.id });
    await tx.update(shareReminders).set({ sentAt: new Date() }).where(eq(shareReminders.id, id));
    return count;
  });
  return { notified };
}

export type ImpactRow = {
  linkId: string;
  postId: string;
  network: Network;
  title: string | null;
  shares: number;
  lastSharedAt: Date;
  clicks: number;
  uniqueClicks: number;
};

// The member's own shares, one row per tracked link (post × network) with the clicks it
// earned, newest share first.
export async function findMemberImpact(tenant: Tenant, locale: Locale): Promise<ImpactRow[]> {
  const { membershipId } = memberOf(tenant);
  const shareCounts = db
    .select({ linkId: shares.linkId, shares: count().as("shares"), lastSharedAt: max(shares.createdAt).as("last_shared_at") })
    .from(shares)
    .where(inOrg(shares, tenant, eq(shares.membershipId, membershipId)))
    .groupBy(shares.linkId)
    .as("s");
  const clickCounts = db
    .select({
      linkId: clicks.linkId,
      clicks: count().as("clicks"),
      uniqueClicks: sum(sql`case when ${clicks.isUnique} then 1 else 0 end`).mapWith(Number).as("unique_clicks"),
    })
    .from(clicks)
    .innerJoin(trackedLinks, eq(trackedLinks.id, clicks.linkId))
    // People's clicks only: previews, robots, repeats and the member's own clicks are kept
    // with their reason but earn nothing.
    .where(inOrg(trackedLinks, tenant, eq(trackedLinks.membershipId, membershipId), isNull(clicks.filterReason)))
    .groupBy(clicks.linkId)
    .as("c");
  const rows = await db
    .select({
      linkId: trackedLinks.id,
      postId: trackedLinks.postId,
      network: trackedLinks.network,
      title: sql<string | null>`(select v.title from ${postVariants} v where v.post_id = ${trackedLinks.postId} order by (v.locale = ${locale}) desc limit 1)`,
      shares: sql<number>`${shareCounts.shares}`.mapWith(Number),
      lastSharedAt: sql<Date>`${shareCounts.lastSharedAt}`.mapWith((v: string | Date) => new Date(v)),
      clicks: sql<number>`coalesce(${clickCounts.clicks}, 0)`.mapWith(Number),
      uniqueClicks: sql<number>`coalesce(${clickCounts.uniqueClicks}, 0)`.mapWith(Number),
    })
    .from(trackedLinks)
    .innerJoin(shareCounts, eq(shareCounts.linkId, trackedLinks.id))
    .leftJoin(clickCounts, eq(clickCounts.linkId, trackedLinks.id))
    .where(inOrg(trackedLinks, tenant, eq(trackedLinks.membershipId, membershipId)))
    .orderBy(desc(shareCounts.lastSharedAt));
  return rows;
}

export async function findVariantForShare(tenant: Tenant, postId: string, locale: Locale) {
  const rows = await db
    .select({ locale: postVariants.locale, title: postVariants.title, body: postVariants.body, captions: postVariants.captions, emailSubject: postVariants.emailSubject, emailBody: postVariants.emailBody })
    .from(postVariants)
    .where(inOrg(postVariants, tenant, eq(postVariants.postId, postId)));
  return rows.find((v) => v.locale === locale) ?? rows[0] ?? null;
}
