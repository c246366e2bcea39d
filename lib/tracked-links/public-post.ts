import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { media, organizations, posts, postVariants } from "@/db/schema";
import type { Locale } from "@/db/schema/enums";

export type PublicPost = {
  id: string;
  orgName: string;
  title: string;
  body: string;
  locale: Locale;
  linkUrl: string | null;
  visualId: string | null;
};

// /p/<id>: a published post as anyone may see it (no member data), in the reader's language
// when the post has it, else in the other one.
export async function getPublicPost(id: string, locale: Locale): Promise<PublicPost | null> {
  const [post] = await db
    .select({
      id: posts.id,
      orgName: organizations.name,
      linkUrl: posts.linkUrl,
      visualLandscapeId: posts.visualLandscapeId,
      mediaId: posts.mediaId,
      mediaKind: media.kind,
    })
    .from(posts)
    .innerJoin(organizations, eq(organizations.id, posts.organizationId))
    .leftJoin(media, eq(media.id, posts.mediaId))
    .where(and(eq(posts.id, id), eq(posts.status, "published")));
  if (!post) return null;
  const variants = await db
    .select({ locale: postVariants.locale, title: postVariants.title, body: postVariants.body })
    .from(postVariants)
    .where(eq(postVariants.postId, post.id));
  const variant = variants.find((v) => v.locale === locale) ?? variants[0];
  if (!variant) return null;
  return {
    id: post.id,
    orgName: post.orgName,
    title: variant.title,
    body: variant.body,
    locale: variant.locale,
    linkUrl: post.linkUrl,
    // A generated landscape visual is made for link cards; else the post's own image.
    visualId: post.visualLandscapeId ?? (post.mediaKind === "image" ? post.mediaId : null),
  };
}
