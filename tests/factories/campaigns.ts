import { db } from "@/db/client";
import { campaigns, keyMoments, notifications, postAudienceGroups, posts, postVariants } from "@/db/schema";
import type { Locale } from "@/db/schema/enums";
import { unique } from "./index";

type Org = { id: string };

export async function createCampaign(org: Org, overrides: Partial<typeof campaigns.$inferInsert> = {}) {
  const [row] = await db
    .insert(campaigns)
    .values({ organizationId: org.id, name: unique("Campagne "), slug: unique("campagne-"), hashtags: ["#AuDelàDuTravailDécent"], ...overrides })
    .returning();
  return row;
}

export async function createKeyMoment(org: Org, campaignId: string, overrides: Partial<typeof keyMoments.$inferInsert> = {}) {
  const [row] = await db
    .insert(keyMoments)
    .values({ organizationId: org.id, campaignId, title: unique("Moment "), startsAt: new Date(), ...overrides })
    .returning();
  return row;
}

// A post stored directly in any status, with a French variant (and others if given).
export async function createPost(
  org: Org,
  overrides: Partial<typeof posts.$inferInsert> & { titles?: Partial<Record<Locale, string>>; groupIds?: string[] } = {},
) {
  const { titles = { fr: unique("Publication ") }, groupIds = [], ...values } = overrides;
  const [post] = await db.insert(posts).values({ organizationId: org.id, ...values }).returning();
  for (const [locale, title] of Object.entries(titles)) {
    await db.insert(postVariants).values({ organizationId: org.id, postId: post.id, locale: locale as Locale, title: title! });
  }
  if (groupIds.length) await db.insert(postAudienceGroups).values(groupIds.map((groupId) => ({ organizationId: org.id, postId: post.id, groupId })));
  return post;
}

export async function createNotification(org: Org, userId: string, overrides: Partial<typeof notifications.$inferInsert> = {}) {
  const [row] = await db
    .insert(notifications)
    .values({ organizationId: org.id, userId, type: "post_published", data: { postId: "post_x", title_fr: "Bonjour", title_en: "Hello" }, href: "/feed/post_x", ...overrides })
    .returning();
  return row;
}
