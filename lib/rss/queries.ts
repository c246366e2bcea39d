import { and, asc, count, eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { campaigns, rssEntries, rssFeeds, type LinkPreview } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { createDraft } from "@/lib/posts/create-draft";
import { inOrg, type Tenant } from "@/lib/tenancy";
import type { AddRssFeedInput } from "./schemas";

export type RssFeed = typeof rssFeeds.$inferSelect;

export async function findRssFeeds(tenant: Tenant) {
  return db
    .select({
      id: rssFeeds.id,
      url: rssFeeds.url,
      title: rssFeeds.title,
      locale: rssFeeds.locale,
      enabled: rssFeeds.enabled,
      lastFetchedAt: rssFeeds.lastFetchedAt,
      lastError: rssFeeds.lastError,
      campaignName: campaigns.name,
      imported: count(rssEntries.id),
    })
    .from(rssFeeds)
    .leftJoin(campaigns, eq(campaigns.id, rssFeeds.campaignId))
    .leftJoin(rssEntries, eq(rssEntries.feedId, rssFeeds.id))
    .where(inOrg(rssFeeds, tenant))
    .groupBy(rssFeeds.id, campaigns.name)
    .orderBy(asc(rssFeeds.createdAt));
}

// Campaigns an imported draft may be filed under.
export async function findCampaignChoices(tenant: Tenant) {
  return db
    .select({ id: campaigns.id, name: campaigns.name })
    .from(campaigns)
    .where(inOrg(campaigns, tenant, inArray(campaigns.status, ["draft", "active"])))
    .orderBy(asc(campaigns.name));
}

export async function getRssFeed(tenant: Tenant, id: string): Promise<RssFeed | null> {
  const [feed] = await db.select().from(rssFeeds).where(inOrg(rssFeeds, tenant, eq(rssFeeds.id, id)));
  return feed ?? null;
}

export async function getRssFeedOrThrow(tenant: Tenant, id: string) {
  const feed = await getRssFeed(tenant, id);
  if (!feed) throw new AppError("not_found", "Feed not found");
  return feed;
}

export async function createRssFeed(tenant: Tenant, input: AddRssFeedInput) {
  if (input.campaignId) {
    const [campaign] = await db.select({ id: campaigns.id }).from(campaigns).where(inOrg(campaigns, tenant, eq(campaigns.id, input.campaignId)));
    if (!campaign) throw new AppError("not_found", "Campaign not found");
  }
  const [feed] = await db
    .insert(rssFeeds)
    .values({ organizationId: tenant.orgId, url: input.url, locale: input.locale, campaignId: input.campaignId })
    .returning();
  return feed;
}

export async function deleteRssFeed(tenant: Tenant, id: string) {
  const deleted = await db.delete(rssFeeds).where(inOrg(rssFeeds, tenant, eq(rssFeeds.id, id))).returning({ id: rssFeeds.id });
  if (!deleted.length) throw new AppError("not_found", "Feed not found");
}

export async function setRssFeedEnabled(tenant: Tenant, id: string, enabled: boolean) {
  const updated = await db.update(rssFeeds).set({ enabled }).where(inOrg(rssFeeds, tenant, eq(rssFeeds.id, id))).returning({ id: rssFeeds.id });
  if (!updated.length) throw new AppError("not_found", "Feed not found");
}

// Every enabled feed of every organisation: what the scheduler fans out to.
export async function findEnabledRssFeeds() {
  return db.select({ id: rssFeeds.id, organizationId: rssFeeds.organizationId }).from(rssFeeds).where(eq(rssFeeds.enabled, true));
}

export async function recordRssFetch(
  tenant: Tenant,
  id: string,
  result: { error: string } | { etag?: string | null; lastModified?: string | null; title?: string | null },
) {
  const values = "error" in result ? { lastError: result.error } : { ...result, lastError: null };
  await db
    .update(rssFeeds)
    .set({ ...values, lastFetchedAt: new Date() })
    .where(inOrg(rssFeeds, tenant, eq(rssFeeds.id, id)));
}

export async function findKnownGuids(tenant: Tenant, feedId: string, guids: string[]) {
  if (!guids.length) return new Set<string>();
  const rows = await db
    .select({ guid: rssEntries.guid })
    .from(rssEntries)
    .where(inOrg(rssEntries, tenant, eq(rssEntries.feedId, feedId), inArray(rssEntries.guid, guids)));
  return new Set(rows.map((r) => r.guid));
}

export type FeedEntryDraft = { guid: string; link: string; title: string; summary: string; preview: LinkPreview | null };

// One entry, one draft, ever: the (feed, guid) row is claimed first, and a run that loses the
// race (or meets an entry already seen) creates nothing.
export async function createDraftFromEntry(tenant: Tenant, feed: RssFeed, entry: FeedEntryDraft) {
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .insert(rssEntries)
      .values({ organizationId: tenant.orgId, feedId: feed.id, guid: entry.guid })
      .onConflictDoNothing({ target: [rssEntries.feedId, rssEntries.guid] })
      .returning({ id: rssEntries.id });
    if (!claimed) return null;
    const post = await createDraft(
      tx,
      tenant,
      { campaignId: feed.campaignId, kind: "link", linkUrl: entry.link, linkPreview: entry.preview },
      { variants: [{ locale: feed.locale, title: entry.title, body: entry.summary }] },
    );
    await tx.update(rssEntries).set({ postId: post.id }).where(and(eq(rssEntries.id, claimed.id), eq(rssEntries.organizationId, tenant.orgId)));
    return post.id;
  });
}
