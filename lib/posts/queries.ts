import { and, asc, desc, eq, inArray, notInArray, sql } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { campaigns, groups, keyMoments, media, postAudienceGroups, postEvents, posts, postVariants, users, type Post, type PostVariant } from "@/db/schema";
import type { Locale } from "@/db/schema/enums";
import { can, ROLES } from "@/lib/auth/permissions";
import { zonedToUtc } from "@/lib/calendar/zoned";
import { AppError, fieldError } from "@/lib/errors";
import { assertGroupsInOrg } from "@/lib/groups/queries";
import { toInstant } from "@/lib/jobs/events";
import { emit } from "@/lib/jobs/outbox";
import { notify } from "@/lib/notifications/notify";
import { findActiveUserIdsByRole } from "@/lib/notifications/queries";
import { getOrganizationSettings } from "@/lib/organizations/settings";
import { inOrg, type Tenant } from "@/lib/tenancy";
import { findLinkCodesOfPost, postHasTrackedLinks } from "@/lib/tracked-links/queries";
import { createDraft } from "./create-draft";
import { destinationOnApproval, destinationOnSave } from "./destination";
import { canMoveExpiresAt, canMovePublishAt, checkTransition, isEditable, POST_TRANSITIONS, type PersonTransition, type PostStatus } from "./lifecycle";
import type { SavePostInput } from "./schemas";

const notFound = () => new AppError("not_found", "Post not found");

export async function getPostOrThrow(tenant: Tenant, id: string): Promise<Post> {
  const [row] = await db.select().from(posts).where(inOrg(posts, tenant, eq(posts.id, id)));
  if (!row) throw notFound();
  return row;
}

async function lockPost(tx: Transaction, tenant: Tenant, id: string) {
  const [row] = await tx.select().from(posts).where(inOrg(posts, tenant, eq(posts.id, id))).for("update");
  if (!row) throw notFound();
  return row;
}

// Everything the editor and the review page show about one post.
export async function getPostDetail(tenant: Tenant, id: string) {
  const post = await getPostOrThrow(tenant, id);
  const [variants, audience, events, campaign, moment] = await Promise.all([
    db.select().from(postVariants).where(inOrg(postVariants, tenant, eq(postVariants.postId, id))),
    db
      .select({ id: groups.id, name: groups.name })
      .from(postAudienceGroups)
      .innerJoin(groups, eq(groups.id, postAudienceGroups.groupId))
      .where(inOrg(postAudienceGroups, tenant, eq(postAudienceGroups.postId, id)))
      .orderBy(asc(groups.name)),
    db
      .select({ id: postEvents.id, fromStatus: postEvents.fromStatus, toStatus: postEvents.toStatus, note: postEvents.note, createdAt: postEvents.createdAt, actorName: users.name, actorEmail: users.email })
      .from(postEvents)
      .leftJoin(users, eq(users.id, postEvents.actorUserId))
      .where(inOrg(postEvents, tenant, eq(postEvents.postId, id)))
      .orderBy(asc(postEvents.createdAt), asc(postEvents.id)),
    post.campaignId ? db.select({ id: campaigns.id, name: campaigns.name, hashtags: campaigns.hashtags }).from(campaigns).where(eq(campaigns.id, post.campaignId)) : [],
    post.keyMomentId ? db.select({ id: keyMoments.id, title: keyMoments.title }).from(keyMoments).where(eq(keyMoments.id, post.keyMomentId)) : [],
  ]);
  return {
    post,
    variants: Object.fromEntries(variants.map((v) => [v.locale, v])) as Partial<Record<Locale, PostVariant>>,
    audience,
    events,
    campaign: campaign[0] ?? null,
    keyMoment: moment[0] ?? null,
    submittedBy: await lastActor(db, id, "in_review"),
    // Members shared it: a new destination waits for approval (destination.ts).
    sharedLinks: await postHasTrackedLinks(db, id),
  };
}

// A post's title in the reader's language, else the other one. Spelled out with table names:
// drizzle leaves columns unqualified in a one-table select, which would turn the correlation
// into post_variants.post_id = post_variants.id.
export const postTitleIn = (locale: Locale) =>
  sql<string | null>`(select v.title from post_variants v where v.post_id = "posts"."id" order by (v.locale = ${locale}) desc limit 1)`;

export async function findPosts(tenant: Tenant, options: { status?: PostStatus; locale: Locale }) {
  return db
    .select({
      id: posts.id,
      kind: posts.kind,
      status: posts.status,
      pinned: posts.pinned,
      publishAt: posts.publishAt,
      updatedAt: posts.updatedAt,
      campaignName: campaigns.name,
      title: postTitleIn(options.locale),
    })
    .from(posts)
    .leftJoin(campaigns, eq(campaigns.id, posts.campaignId))
    .where(inOrg(posts, tenant, options.status ? eq(posts.status, options.status) : undefined))
    .orderBy(desc(posts.updatedAt))
    .limit(200);
}

// Ids named in the input must be this organisation's: a foreign one is a 404, like any other.
async function checkReferences(tx: Transaction, tenant: Tenant, input: SavePostInput) {
  let campaignId = input.campaignId;
  if (input.keyMomentId) {
    const [moment] = await tx.select({ campaignId: keyMoments.campaignId }).from(keyMoments).where(inOrg(keyMoments, tenant, eq(keyMoments.id, input.keyMomentId)));
    if (!moment) throw new AppError("not_found", "Key moment not found");
    if (campaignId && campaignId !== moment.campaignId) fieldError("keyMomentId", "moment_not_in_campaign");
    campaignId = moment.campaignId;
  }
  if (campaignId) {
    const [campaign] = await tx.select({ id: campaigns.id }).from(campaigns).where(inOrg(campaigns, tenant, eq(campaigns.id, campaignId)));
    if (!campaign) throw new AppError("not_found", "Campaign not found");
  }
  const groupIds = await assertGroupsInOrg(tx, tenant, input.groupIds);
  const mediaIds = [input.mediaId, input.testimonial?.photoMediaId].filter((v): v is string => Boolean(v));
  if (mediaIds.length) {
    const found = await tx.select({ id: media.id }).from(media).where(inOrg(media, tenant, inArray(media.id, mediaIds)));
    if (found.length !== new Set(mediaIds).size) throw new AppError("not_found", "Media not found");
  }
  return { campaignId, groupIds };
}

function checkTimes(publishAt: Date | null, expiresAt: Date | null) {
  if (publishAt && expiresAt && expiresAt <= publishAt) fieldError("expiresAt", "expires_before_publish");
}

// Datetime-local values typed in the organisation's time zone → instants.
async function readTimes(tenant: Tenant, input: { publishAt: string | null; expiresAt: string | null }) {
  const { timeZone } = await getOrganizationSettings(tenant);
  const publishAt = input.publishAt ? zonedToUtc(input.publishAt, timeZone) : null;
  const expiresAt = input.expiresAt ? zonedToUtc(input.expiresAt, timeZone) : null;
  if (input.publishAt && !publishAt) fieldError("publishAt", "invalid_date");
  if (input.expiresAt && !expiresAt) fieldError("expiresAt", "invalid_date");
  checkTimes(publishAt, expiresAt);
  return { publishAt, expiresAt };
}

// Creates a draft, or saves the content of one: only drafts are edited (see lifecycle.ts).
export async function savePost(tenant: Tenant, input: SavePostInput) {
  const times = await readTimes(tenant, input);
  return db.transaction(async (tx) => {
    const existing = input.id ? await lockPost(tx, tenant, input.id) : null;
    if (existing && !isEditable(existing.status)) throw new AppError("conflict", "Only drafts are edited");
    const { campaignId, groupIds } = await checkReferences(tx, tenant, input);
    const destination = await destinationOnSave(tx, tenant, existing, {
      linkUrl: input.linkUrl,
      linkPreview: input.linkUrl && input.linkPreview?.url === input.linkUrl ? input.linkPreview : null,
    });
    const values = {
      kind: input.kind,
      campaignId,
      keyMomentId: input.keyMomentId,
      ...destination,
      mediaId: input.mediaId,
      testimonial: input.kind === "testimonial" ? input.testimonial ?? null : null,
      hashtags: input.hashtags,
      advocatesCanSee: input.advocatesCanSee,
      pinned: input.pinned,
      ...times,
    };
    const [post] = existing
      ? await tx.update(posts).set(values).where(eq(posts.id, existing.id)).returning()
      : [await createDraft(tx, tenant, values)];

    const locales = Object.keys(input.variants) as Locale[];
    await tx.delete(postVariants).where(and(eq(postVariants.postId, post.id), locales.length ? notInArray(postVariants.locale, locales) : undefined));
    for (const [locale, v] of Object.entries(input.variants)) {
      if (!v) continue;
      const row = { title: v.title, body: v.body, captions: v.captions, emailSubject: v.emailSubject, emailBody: v.emailBody };
      await tx
        .insert(postVariants)
        .values({ ...row, organizationId: tenant.orgId, postId: post.id, locale: locale as Locale })
        .onConflictDoUpdate({ target: [postVariants.postId, postVariants.locale], set: row });
    }
    await tx.delete(postAudienceGroups).where(eq(postAudienceGroups.postId, post.id));
    if (groupIds.length) await tx.insert(postAudienceGroups).values(groupIds.map((groupId) => ({ organizationId: tenant.orgId, postId: post.id, groupId })));
    // Its visuals are drawn by a job from the saved quote and photo.
    if (post.kind === "testimonial") await emit(tx, { type: "visual.requested", orgId: tenant.orgId, payload: { postId: post.id } });
    return post;
  });
}

async function lastActor(exec: typeof db | Transaction, postId: string, toStatus: PostStatus) {
  const [row] = await exec
    .select({ actor: postEvents.actorUserId })
    .from(postEvents)
    .where(and(eq(postEvents.postId, postId), eq(postEvents.toStatus, toStatus)))
    .orderBy(desc(postEvents.createdAt), desc(postEvents.id))
    .limit(1);
  return row?.actor ?? null;
}

// Both titles, so each reader's notification is in their own language.
export async function postTitles(exec: typeof db | Transaction, postId: string) {
  const rows = await exec.select({ locale: postVariants.locale, title: postVariants.title }).from(postVariants).where(eq(postVariants.postId, postId));
  return Object.fromEntries(rows.map((r) => [`title_${r.locale}`, r.title])) as Record<string, string>;
}

const APPROVERS = ROLES.filter((r) => can(r, "posts.approve"));

export async function transitionPost(tenant: Tenant, id: string, transition: PersonTransition, note: string | null) {
  return db.transaction(async (tx) => {
    const before = await lockPost(tx, tenant, id);
    const submittedBy = transition === "approve" ? await lastActor(tx, id, "in_review") : null;
    const destinationBy = before.pendingLinkAt ? before.pendingLinkBy : null;
    const refusal = checkTransition(transition, before.status, tenant, { createdBy: before.createdBy, submittedBy, destinationBy });
    if (refusal === "invalid_transition") throw new AppError("conflict", `Cannot ${transition} a post that is ${before.status}`);
    if (refusal) throw new AppError("forbidden", refusal === "own_post" ? "Another lead approves this post" : "Not allowed");

    const now = new Date();
    const patch: Partial<Post> = { status: POST_TRANSITIONS[transition].to };
    if (transition === "schedule") {
      // No time chosen: out as soon as the worker picks it up.
      patch.publishAt = before.publishAt ?? now;
      checkTimes(patch.publishAt, before.expiresAt);
    }
    if (transition === "expire") patch.expiresAt = now;
    if (transition === "return_to_draft") patch.publishedAt = null;
    if (transition === "approve") Object.assign(patch, await destinationOnApproval(tx, tenant, before));
    const [after] = await tx.update(posts).set(patch).where(eq(posts.id, id)).returning();
    await tx.insert(postEvents).values({ organizationId: tenant.orgId, postId: id, fromStatus: before.status, toStatus: after.status, actorUserId: tenant.userId, note });

    const data = { postId: id, ...(await postTitles(tx, id)) };
    const href = `/posts/${id}`;
    const about = `${id}-${now.getTime()}`;
    if (transition === "submit") {
      const reviewers = (await findActiveUserIdsByRole(tx, tenant.orgId, APPROVERS)).filter((u) => u !== tenant.userId);
      await notify(tx, { orgId: tenant.orgId, kind: "post_submitted", recipients: reviewers, data, href, about });
    }
    if (transition === "approve" && before.createdBy && before.createdBy !== tenant.userId) {
      await notify(tx, { orgId: tenant.orgId, kind: "post_approved", recipients: [before.createdBy], data, href, about });
    }
    await emitTimingChanged(tx, before, after);
    return { before, after };
  });
}

export async function reschedulePost(tenant: Tenant, id: string, input: { publishAt: string | null; expiresAt: string | null }) {
  const times = await readTimes(tenant, input);
  return db.transaction(async (tx) => {
    const before = await lockPost(tx, tenant, id);
    const patch: Partial<Post> = {};
    if (!canMoveExpiresAt(before.status)) throw new AppError("conflict", "The post has expired");
    // Once out, the publish time is history: only the expiry still moves.
    if (canMovePublishAt(before.status)) patch.publishAt = times.publishAt ?? (before.status === "scheduled" ? before.publishAt : null);
    patch.expiresAt = times.expiresAt;
    checkTimes(patch.publishAt ?? before.publishAt, times.expiresAt);
    const [after] = await tx.update(posts).set(patch).where(eq(posts.id, id)).returning();
    await emitTimingChanged(tx, before, after);
    return { before, after };
  });
}

// The delayed publish and expire jobs follow the post (lib/publishing/jobs.ts), through the
// outbox so that a Redis hiccup at commit time cannot leave a scheduled post without its job.
async function emitTimingChanged(tx: Transaction, before: Post, after: Post) {
  const timing = (p: Post) => ({ status: p.status, publishAt: toInstant(p.publishAt), expiresAt: toInstant(p.expiresAt) });
  const [b, a] = [timing(before), timing(after)];
  if (b.status === a.status && b.publishAt === a.publishAt && b.expiresAt === a.expiresAt) return;
  await emit(tx, { type: "post.timing.changed", orgId: after.organizationId, payload: { postId: after.id, before: b, after: a } });
}

export async function setPostPinned(tenant: Tenant, id: string, pinned: boolean) {
  const [row] = await db.update(posts).set({ pinned }).where(inOrg(posts, tenant, eq(posts.id, id))).returning({ id: posts.id, pinned: posts.pinned });
  if (!row) throw notFound();
  return row;
}

// Drafts only: anything that went through review stays on record.
export async function deleteDraftPost(tenant: Tenant, id: string) {
  return db.transaction(async (tx) => {
    const post = await lockPost(tx, tenant, id);
    if (post.status !== "draft") throw new AppError("conflict", "Only drafts are deleted");
    // Links members posted with it stop leading anywhere: out of the redirect cache too.
    const linkCodes = await findLinkCodesOfPost(tx, id);
    await tx.delete(posts).where(eq(posts.id, id));
    await emit(tx, { type: "post.deleted", orgId: tenant.orgId, payload: { postId: id, linkCodes } });
    return post;
  });
}
