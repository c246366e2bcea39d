// No "server-only" here: the standalone redirect and the workers (plain Node) import these
// too, and nothing in this file is meant for a browser anyway.
import { and, eq, gt, or, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { campaigns, media, organizations, posts, postVariants, trackedLinks } from "@/db/schema";
import type { Locale, Network } from "@/db/schema/enums";

export type LinkTargetRow = {
  code: string;
  orgId: string;
  postId: string;
  network: Network;
  linkUrl: string | null;
  campaignSlug: string | null;
};

const targetColumns = {
  code: trackedLinks.code,
  orgId: trackedLinks.organizationId,
  postId: trackedLinks.postId,
  network: trackedLinks.network,
  linkUrl: posts.linkUrl,
  campaignSlug: campaigns.slug,
};

function targetsWhere(where: SQL | undefined) {
  return db
    .select(targetColumns)
    .from(trackedLinks)
    .innerJoin(posts, eq(posts.id, trackedLinks.postId))
    .leftJoin(campaigns, eq(campaigns.id, posts.campaignId))
    .where(where);
}

// The redirect's PostgreSQL fallback (Redis had no entry, or is away). Public by nature:
// the code is the credential, and only the destination a lead saved comes out.
export async function findLinkTargetByCode(code: string): Promise<LinkTargetRow | null> {
  const [row] = await targetsWhere(eq(trackedLinks.code, code)).limit(1);
  return row ?? null;
}

// Links whose destination may have changed since `since` (the post or its campaign was
// edited, or the link is new), a page at a time in id order; every link when `since` is null.
export async function findLinkTargetsChangedSince(since: Date | null, afterId: string, limit: number) {
  const changed = since ? or(gt(posts.updatedAt, since), gt(campaigns.updatedAt, since), gt(trackedLinks.createdAt, since)) : undefined;
  return db
    .select({ id: trackedLinks.id, ...targetColumns })
    .from(trackedLinks)
    .innerJoin(posts, eq(posts.id, trackedLinks.postId))
    .leftJoin(campaigns, eq(campaigns.id, posts.campaignId))
    .where(and(gt(trackedLinks.id, afterId), changed))
    .orderBy(trackedLinks.id)
    .limit(limit);
}

export type ClickRow = {
  id: string;
  code: string;
  at: number;
  visitorHash: string;
  isUnique: boolean;
  country: string | null;
  deviceClass: "desktop" | "mobile" | "tablet" | "other";
  browserFamily: string | null;
  referrerDomain: string | null;
};

// One statement per batch, whatever its size: the rows travel as nine arrays and unnest
// turns them back into rows (close to COPY's speed, with ON CONFLICT, which COPY lacks).
// The link, post and campaign ids are taken from the link itself, so a click can only ever
// be filed under the organisation that owns the code. Returns the rows actually inserted.
export async function insertClickBatch(rows: ClickRow[]) {
  if (rows.length === 0) return 0;
  const client = db.$client;
  // One statement writes the clicks and, per organisation, the "clicks.ingested" event that
  // names them: what reacts to clicks (contests, rollups) never misses a batch.
  const [result] = await client`
    with inserted as (
    insert into clicks (id, organization_id, link_id, post_id, campaign_id, membership_id, network, clicked_at,
                        visitor_hash, is_unique, country, device_class, browser_family, referrer_domain)
    select u.id, l.organization_id, l.id, l.post_id, p.campaign_id, l.membership_id, l.network, to_timestamp(u.at / 1000.0),
           u.visitor_hash, u.is_unique, u.country, u.device_class, u.browser_family, u.referrer_domain
    from unnest(
      ${client.array(rows.map((r) => r.id))}::text[],
      ${client.array(rows.map((r) => r.code))}::text[],
      ${client.array(rows.map((r) => r.at))}::float8[],
      ${client.array(rows.map((r) => r.visitorHash))}::text[],
      ${client.array(rows.map((r) => r.isUnique))}::bool[],
      ${client.array(rows.map((r) => r.country))}::text[],
      ${client.array(rows.map((r) => r.deviceClass))}::click_device[],
      ${client.array(rows.map((r) => r.browserFamily))}::text[],
      ${client.array(rows.map((r) => r.referrerDomain))}::text[]
    ) as u(id, code, at, visitor_hash, is_unique, country, device_class, browser_family, referrer_domain)
    join tracked_links l on l.code = u.code
    join posts p on p.id = l.post_id
    on conflict (id) do nothing
    returning id, organization_id),
    emitted as (
      insert into outbox_events (organization_id, type, payload)
      select organization_id, 'clicks.ingested', jsonb_build_object('clickIds', jsonb_agg(id)) from inserted group by organization_id)
    select count(*)::int as count from inserted`;
  return result.count as number;
}

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
