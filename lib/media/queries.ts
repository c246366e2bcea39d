import { and, eq, or, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { createId } from "@/db/id";
import { media, organizations, posts, type Media } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { inOrg, type Tenant } from "@/lib/tenancy";
import { mediaUrl } from "./urls";

export type NewMedia = Pick<typeof media.$inferInsert, "kind" | "contentType" | "sizeBytes" | "storageKey" | "width" | "height"> & { id?: string };

export async function createMedia(tenant: Tenant, values: NewMedia): Promise<Media> {
  const [row] = await db
    .insert(media)
    .values({ ...values, organizationId: tenant.orgId, createdBy: tenant.userId })
    .returning();
  return row;
}

export async function getMediaOrThrow(tenant: Tenant, id: string): Promise<Media> {
  const [row] = await db.select().from(media).where(inOrg(media, tenant, eq(media.id, id)));
  if (!row) throw new AppError("not_found", "Media not found");
  return row;
}

export async function findMediaByStorageKey(tenant: Tenant, storageKey: string): Promise<Media | null> {
  const [row] = await db.select().from(media).where(inOrg(media, tenant, eq(media.storageKey, storageKey)));
  return row ?? null;
}

// The media route answers without a session only for what the public may already see: media
// of a published post (its image or video, its testimonial visuals and photo, for Open Graph
// cards) and the organisation's logo. Everything else needs a member of that organisation.
export async function getMediaForServing(id: string) {
  const [row] = await db
    .select({ media, orgSlug: organizations.slug, logoUrl: organizations.logoUrl })
    .from(media)
    .innerJoin(organizations, eq(organizations.id, media.organizationId))
    .where(eq(media.id, id));
  if (!row) return null;
  const [published] = await db
    .select({ id: posts.id })
    .from(posts)
    .where(
      and(
        eq(posts.organizationId, row.media.organizationId),
        eq(posts.status, "published"),
        or(
          eq(posts.mediaId, id),
          eq(posts.visualLandscapeId, id),
          eq(posts.visualSquareId, id),
          sql`${posts.testimonial}->>'photoMediaId' = ${id}`,
          sql`${posts.linkPreview}->>'imageMediaId' = ${id}`,
        ),
      ),
    )
    .limit(1);
  const isPublic = Boolean(published) || row.logoUrl === mediaUrl(id);
  return { media: row.media, orgSlug: row.orgSlug, isPublic };
}

// The id is chosen before the bytes are stored, so the storage key can carry it.
export const newMediaId = () => createId("med");
