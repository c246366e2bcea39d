import { db } from "@/db/client";
import { campaigns, keyMoments, postAudienceGroups, postVariants, posts, type Captions } from "@/db/schema";
import type { Locale } from "@/db/schema/enums";
import { unique } from "@/tests/factories";

type Org = { id: string };

export async function createCampaign(org: Org, overrides: Partial<typeof campaigns.$inferInsert> = {}) {
  const slug = unique("campagne-");
  const [campaign] = await db
    .insert(campaigns)
    .values({ organizationId: org.id, name: `Campagne ${slug}`, slug, status: "active", hashtags: ["#Au-delàDuTravailDécent"], ...overrides })
    .returning();
  return campaign;
}

export async function createKeyMoment(org: Org, campaignId: string, overrides: Partial<typeof keyMoments.$inferInsert> = {}) {
  const [moment] = await db
    .insert(keyMoments)
    .values({ organizationId: org.id, campaignId, title: "Audience en commission", startsAt: new Date(), ...overrides })
    .returning();
  return moment;
}

type Variant = { title?: string; body?: string; captions?: Captions; emailSubject?: string; emailBody?: string };

// A post as the feed sees it: published an hour ago unless told otherwise, with a French and
// an English variant unless `variants` says which.
export async function createFeedPost(
  org: Org,
  options: Partial<typeof posts.$inferInsert> & { variants?: Partial<Record<Locale, Variant>>; groupIds?: string[] } = {},
) {
  const { variants, groupIds = [], ...overrides } = options;
  const name = unique();
  const [post] = await db
    .insert(posts)
    .values({ organizationId: org.id, status: "published", publishedAt: new Date(Date.now() - 3600_000), ...overrides })
    .returning();
  const chosen = variants ?? { fr: { title: `Publication ${name}` }, en: { title: `Post ${name}` } };
  await db.insert(postVariants).values(
    Object.entries(chosen).map(([locale, v]) => ({
      organizationId: org.id,
      postId: post.id,
      locale: locale as Locale,
      title: v?.title ?? `${locale} ${name}`,
      body: v?.body ?? "",
      captions: v?.captions ?? { linkedin: `LinkedIn ${name}` },
      emailSubject: v?.emailSubject,
      emailBody: v?.emailBody,
    })),
  );
  if (groupIds.length) await db.insert(postAudienceGroups).values(groupIds.map((groupId) => ({ organizationId: org.id, postId: post.id, groupId })));
  return post;
}
