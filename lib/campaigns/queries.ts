import { asc, desc, eq, ne, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { campaigns, keyMoments, posts, type Campaign } from "@/db/schema";
import type { Locale } from "@/db/schema/enums";
import { zonedToUtc } from "@/lib/calendar/zoned";
import { AppError } from "@/lib/errors";
import { getOrganizationSettings } from "@/lib/organizations/settings";
import { postTitleIn } from "@/lib/posts/queries";
import { inOrg, type Tenant } from "@/lib/tenancy";
import { nameInLocale } from "./names";
import type { CampaignInput } from "./schemas";

export async function findCampaigns(tenant: Tenant, options: { includeArchived?: boolean } = {}) {
  const postCount = db.$count(posts, eq(posts.campaignId, campaigns.id));
  const momentCount = db.$count(keyMoments, eq(keyMoments.campaignId, campaigns.id));
  return db
    .select({ campaign: campaigns, postCount, momentCount })
    .from(campaigns)
    .where(inOrg(campaigns, tenant, options.includeArchived ? undefined : ne(campaigns.status, "archived")))
    .orderBy(sql`${campaigns.status} = 'active' desc`, desc(campaigns.startsAt), desc(campaigns.createdAt));
}

// Campaigns offered in the post editor, with their hashtags and key moments.
export async function findCampaignChoices(tenant: Tenant) {
  const rows = await db
    .select({ id: campaigns.id, name: campaigns.name, nameEn: campaigns.nameEn, hashtags: campaigns.hashtags })
    .from(campaigns)
    .where(inOrg(campaigns, tenant, ne(campaigns.status, "archived")))
    .orderBy(asc(campaigns.name));
  const moments = await db
    .select({ id: keyMoments.id, campaignId: keyMoments.campaignId, title: keyMoments.title, startsAt: keyMoments.startsAt })
    .from(keyMoments)
    .where(inOrg(keyMoments, tenant))
    .orderBy(asc(keyMoments.startsAt));
  return rows.map((c) => ({ ...c, keyMoments: moments.filter((m) => m.campaignId === c.id) }));
}

export async function getCampaignOrThrow(tenant: Tenant, id: string): Promise<Campaign> {
  const [row] = await db.select().from(campaigns).where(inOrg(campaigns, tenant, eq(campaigns.id, id)));
  if (!row) throw new AppError("not_found", "Campaign not found");
  return row;
}

// A campaign's name as a reader of `locale` sees it (null: no such campaign in the workspace).
export async function getCampaignName(tenant: Pick<Tenant, "orgId">, id: string, locale: Locale) {
  const [row] = await db.select({ name: campaigns.name, nameEn: campaigns.nameEn }).from(campaigns).where(inOrg(campaigns, tenant, eq(campaigns.id, id)));
  return row ? nameInLocale(row.name, row.nameEn, locale) : null;
}

async function toColumns(tenant: Tenant, input: CampaignInput) {
  const { timeZone } = await getOrganizationSettings(tenant);
  const { startsOn, endsOn, ...rest } = input;
  return {
    ...rest,
    startsAt: startsOn ? zonedToUtc(startsOn, timeZone) : null,
    // The whole last day counts.
    endsAt: endsOn ? zonedToUtc(`${endsOn}T23:59:59`, timeZone) : null,
  };
}

export async function createCampaign(tenant: Tenant, input: CampaignInput) {
  const [row] = await db
    .insert(campaigns)
    .values({ ...(await toColumns(tenant, input)), organizationId: tenant.orgId, createdBy: tenant.userId })
    .returning();
  return row;
}

export async function updateCampaign(tenant: Tenant, id: string, input: CampaignInput) {
  const [row] = await db
    .update(campaigns)
    .set(await toColumns(tenant, input))
    .where(inOrg(campaigns, tenant, eq(campaigns.id, id)))
    .returning();
  if (!row) throw new AppError("not_found", "Campaign not found");
  return row;
}

// A campaign's posts with the title in the reader's language, newest publish time first.
export async function findCampaignPosts(tenant: Tenant, campaignId: string, locale: Locale) {
  return db
    .select({ id: posts.id, kind: posts.kind, status: posts.status, publishAt: posts.publishAt, keyMomentId: posts.keyMomentId, pinned: posts.pinned, title: postTitleIn(locale) })
    .from(posts)
    .where(inOrg(posts, tenant, eq(posts.campaignId, campaignId)))
    .orderBy(sql`${posts.publishAt} desc nulls first`, desc(posts.createdAt));
}
