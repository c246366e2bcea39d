import { eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db/client";
import { media, posts } from "@/db/schema";
import { getOrganizationSettings } from "@/lib/organizations/settings";
import { asSystem, inOrg } from "@/lib/tenancy";
import type { VisualFormat } from "./render-testimonial";

const landscapeMedia = alias(media, "landscape_media");
const squareMedia = alias(media, "square_media");

// Everything the card is drawn from, read fresh by every run of the job.
export async function getTestimonialSource(orgId: string, postId: string) {
  const tenant = asSystem(orgId);
  const [row] = await db
    .select({
      post: { id: posts.id, kind: posts.kind, testimonial: posts.testimonial },
      landscapeKey: landscapeMedia.storageKey,
      squareKey: squareMedia.storageKey,
    })
    .from(posts)
    .leftJoin(landscapeMedia, eq(landscapeMedia.id, posts.visualLandscapeId))
    .leftJoin(squareMedia, eq(squareMedia.id, posts.visualSquareId))
    .where(inOrg(posts, tenant, eq(posts.id, postId)));
  if (!row) return null;
  const settings = await getOrganizationSettings(tenant);
  const org = { name: settings.name, brandColor: settings.brandColor, locale: settings.defaultLocale };
  const photoId = row.post.testimonial?.photoMediaId;
  // The photo must belong to the same organisation; a foreign id is simply ignored.
  const [photo] = photoId
    ? await db.select({ storageKey: media.storageKey }).from(media).where(inOrg(media, tenant, eq(media.id, photoId), eq(media.kind, "image")))
    : [];
  return { ...row, org, photoKey: photo?.storageKey ?? null };
}

type StoredVisual = { storageKey: string; sizeBytes: number; width: number; height: number };

// Points the post at the new visuals and returns the storage keys of the ones they replace.
// Serialised per post, so two runs of the job at once still leave one medium per visual.
export async function saveTestimonialVisuals(orgId: string, postId: string, visuals: Record<VisualFormat, StoredVisual>) {
  const tenant = asSystem(orgId);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`visual:${postId}`}))`);
    const [post] = await tx
      .select({ landscape: posts.visualLandscapeId, square: posts.visualSquareId })
      .from(posts)
      .where(inOrg(posts, tenant, eq(posts.id, postId)));
    if (!post) return [];
    const ids: Partial<Record<VisualFormat, string>> = {};
    for (const format of ["landscape", "square"] as const) {
      const visual = visuals[format];
      const [existing] = await tx.select({ id: media.id }).from(media).where(inOrg(media, tenant, eq(media.storageKey, visual.storageKey)));
      ids[format] =
        existing?.id ??
        (
          await tx
            .insert(media)
            .values({ organizationId: orgId, kind: "image", contentType: "image/png", ...visual })
            .returning({ id: media.id })
        )[0].id;
    }
    await tx.update(posts).set({ visualLandscapeId: ids.landscape, visualSquareId: ids.square }).where(inOrg(posts, tenant, eq(posts.id, postId)));
    const replaced = [post.landscape, post.square].filter((id): id is string => !!id && !Object.values(ids).includes(id));
    if (!replaced.length) return [];
    // Only generated visuals of this post are ever removed, never an uploaded medium.
    const removed = await tx
      .delete(media)
      .where(inOrg(media, tenant, inArray(media.id, replaced), sql`${media.storageKey} like ${`orgs/${orgId}/visuals/${postId}-%`}`))
      .returning({ storageKey: media.storageKey });
    return removed.map((r) => r.storageKey);
  });
}
