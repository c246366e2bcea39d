import { and, asc, eq, exists, ne, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { campaigns, memberships, posts, users, type Captions, type LinkPreview, type Testimonial } from "@/db/schema";
import type { Locale, Role } from "@/db/schema/enums";
import { nameInLocale, nameInLocaleSql } from "@/lib/campaigns/names";
import { AppError } from "@/lib/errors";
import { mediaUrl } from "@/lib/media/urls";
import { getOrganizationSettings } from "@/lib/organizations/settings";
import { postAudienceIncludes } from "@/lib/posts/audience";
import { inOrg, type Tenant } from "@/lib/tenancy";
import { encodeCursor, type FeedCursor, type FeedNetwork } from "./schemas";

export const FEED_PAGE_SIZE = 20;

type Viewer = { orgId: string; membershipId: string; role: Role; locale: Locale; timeZone: string };

// Who is reading: their role, their language (their own, else the organisation's) and the
// organisation's time zone (a key moment without an end lasts its whole day there).
async function getViewer(tenant: Tenant): Promise<Viewer | null> {
  if (!tenant.membershipId) return null;
  const [[row], org] = await Promise.all([
    db
      .select({ role: memberships.role, locale: users.locale })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(inOrg(memberships, tenant, eq(memberships.id, tenant.membershipId), ne(memberships.status, "deactivated"))),
    getOrganizationSettings(tenant),
  ]);
  if (!row) return null;
  return { orgId: tenant.orgId, membershipId: tenant.membershipId, role: row.role, locale: row.locale ?? org.defaultLocale, timeZone: org.timeZone };
}

// Published, not expired at `now`, in at least one language, meant for this viewer.
function live(viewer: Viewer, now: string): SQL {
  return sql`p.organization_id = ${viewer.orgId} and p.status = 'published' and p.published_at is not null
    and (p.expires_at is null or p.expires_at > ${now}::timestamptz)
    and exists (select 1 from post_variants v where v.post_id = p.id)
    and ${postAudienceIncludes({ id: sql`p.id`, advocatesCanSee: sql`p.advocates_can_see` }, { id: viewer.membershipId, role: viewer.role })}`;
}

// The variant a viewer reads: their language first, else the other one.
const variantFor = (locale: Locale) => sql`from post_variants v where v.post_id = p.id order by (v.locale = ${locale}) desc limit 1`;

// Whether the variant the viewer reads has a caption for `network`.
function hasCaption(network: FeedNetwork, locale: Locale): SQL {
  const filled = network === "email" ? sql`coalesce(v.email_body, '') <> ''` : sql`coalesce(v.captions ->> ${network}, '') <> ''`;
  return sql`coalesce((select ${filled} ${variantFor(locale)}), false)`;
}

// Key moments happening at `now`: started, and not yet ended (or, without an end, today in
// the organisation's time zone).
const nowMoments = (viewer: Viewer, now: string) => sql`select id from key_moments
  where organization_id = ${viewer.orgId} and starts_at <= ${now}::timestamptz
    and (ends_at >= ${now}::timestamptz
      or (ends_at is null and (starts_at at time zone ${viewer.timeZone})::date = (${now}::timestamptz at time zone ${viewer.timeZone})::date))`;

const iso = (column: SQL) => sql`to_json(${column}) #>> '{}'`;

// Feed order: pinned (rank 2), then posts of a key moment happening now (rank 1), then the
// rest (rank 0), newest first within each, id breaking ties. Each rank is its own index scan
// that stops after one page, so a page costs the same with 100 or 100,000 posts.
const RANKS = [
  { rank: 2, where: sql`p.pinned` },
  { rank: 1, where: sql`not p.pinned and p.key_moment_id in (select id from now_moments)` },
  { rank: 0, where: sql`not p.pinned and (p.key_moment_id is null or p.key_moment_id not in (select id from now_moments))` },
];

type FeedRow = {
  id: string;
  rank: number;
  published_at: string;
  kind: "text" | "link" | "image" | "video" | "testimonial";
  pinned: boolean;
  link_url: string | null;
  link_preview: LinkPreview | null;
  media_id: string | null;
  visual_landscape_id: string | null;
  testimonial: Testimonial | null;
  hashtags: string[];
  locale: Locale;
  title: string;
  body: string;
  campaign_id: string | null;
  campaign_name: string | null;
  moment_id: string | null;
  moment_title: string | null;
  moment_starts_at: string | null;
  moment_ends_at: string | null;
  moment_now: boolean;
};

export type FeedItem = {
  id: string;
  kind: FeedRow["kind"];
  pinned: boolean;
  publishedAt: string;
  locale: Locale;
  title: string;
  excerpt: string;
  imageUrl: string | null;
  linkPreview: LinkPreview | null;
  testimonial: Testimonial | null;
  hashtags: string[];
  campaign: { id: string; name: string } | null;
  keyMoment: { id: string; title: string; startsAt: string; endsAt: string | null; now: boolean } | null;
};

export type FeedPage = { items: FeedItem[]; nextCursor: string | null };

export type FeedFilters = { campaign?: string; network?: FeedNetwork; cursor?: FeedCursor };

function excerpt(body: string, max = 180) {
  const flat = body.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max - 30)).trimEnd()}…`;
}

const visualId = (row: FeedRow) => (row.kind === "testimonial" ? row.visual_landscape_id : row.kind === "image" ? row.media_id : null);

function toItem(row: FeedRow): FeedItem {
  // A link's image only from our own copy: the member's browser never asks the linked site.
  const imageId = visualId(row) ?? row.link_preview?.imageMediaId;
  return {
    id: row.id,
    kind: row.kind,
    pinned: row.pinned,
    publishedAt: row.published_at,
    locale: row.locale,
    title: row.title,
    excerpt: excerpt(row.body),
    imageUrl: imageId ? mediaUrl(imageId) : null,
    linkPreview: row.link_preview ?? (row.link_url ? { url: row.link_url, fetchedAt: "" } : null),
    testimonial: row.testimonial,
    hashtags: row.hashtags,
    campaign: row.campaign_id ? { id: row.campaign_id, name: row.campaign_name! } : null,
    keyMoment: row.moment_id
      ? { id: row.moment_id, title: row.moment_title!, startsAt: row.moment_starts_at!, endsAt: row.moment_ends_at, now: row.moment_now }
      : null,
  };
}

// One page of a member's feed (point 9): what is meant for them, in their language, pinned
// first, then the key moments happening now, then newest; `cursor` continues a page.
export async function findFeedPage(tenant: Tenant, filters: FeedFilters = {}, limit = FEED_PAGE_SIZE): Promise<FeedPage> {
  const viewer = await getViewer(tenant);
  if (!viewer) return { items: [], nextCursor: null };
  const { cursor } = filters;
  const now = cursor?.at ?? new Date().toISOString();
  const where = [live(viewer, now)];
  if (filters.campaign) where.push(sql`p.campaign_id = ${filters.campaign}`);
  if (filters.network) where.push(hasCaption(filters.network, viewer.locale));

  const branches = RANKS.filter(({ rank }) => !cursor || rank <= cursor.rank).map(({ rank, where: rankWhere }) => {
    const after = cursor?.rank === rank ? sql`and (p.published_at, p.id) < (${cursor.publishedAt}::timestamptz, ${cursor.id})` : sql``;
    return sql`(select p.id, ${sql.raw(String(rank))} as rank, p.published_at from posts p
      where ${sql.join(where, sql` and `)} and ${rankWhere} ${after}
      order by p.published_at desc, p.id desc limit ${limit + 1})`;
  });

  const rows = await db.execute<FeedRow>(sql`
    with now_moments as (${nowMoments(viewer, now)}),
    page as (${sql.join(branches, sql` union all `)})
    select p.id, page.rank, ${iso(sql`p.published_at`)} as published_at, p.kind, p.pinned, p.link_url, p.link_preview,
      p.media_id, p.visual_landscape_id, p.testimonial, p.hashtags,
      v.locale, v.title, left(v.body, 400) as body,
      c.id as campaign_id, ${nameInLocaleSql(sql`c.name`, sql`c.name_en`, viewer.locale)} as campaign_name,
      km.id as moment_id, ${nameInLocaleSql(sql`km.title`, sql`km.title_en`, viewer.locale)} as moment_title, ${iso(sql`km.starts_at`)} as moment_starts_at, ${iso(sql`km.ends_at`)} as moment_ends_at,
      coalesce(km.id in (select id from now_moments), false) as moment_now
    from page
    join posts p on p.id = page.id
    cross join lateral (select v.locale, v.title, v.body ${variantFor(viewer.locale)}) v
    left join campaigns c on c.id = p.campaign_id
    left join key_moments km on km.id = p.key_moment_id
    order by page.rank desc, page.published_at desc, page.id desc
    limit ${limit + 1}`);

  const page = [...rows].slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor({ rank: last.rank, publishedAt: last.published_at, id: last.id, at: now }) : null;
  return { items: page.map(toItem), nextCursor };
}

type FeedPostRow = FeedRow & { captions: Captions; email_subject: string | null; email_body: string | null; campaign_hashtags: string[] | null; locales: Locale[] };

export type FeedPost = FeedItem & {
  body: string;
  linkUrl: string | null;
  videoUrl: string | null;
  // The uploaded image or the generated testimonial visual, never the link's preview image.
  visualUrl: string | null;
  captions: Captions;
  email: { subject: string | null; body: string } | null;
  campaignHashtags: string[];
  locales: Locale[];
};

// One post as the member sees it in the feed, or not found when it is not meant for them.
export async function getFeedPostOrThrow(tenant: Tenant, postId: string): Promise<FeedPost> {
  const viewer = await getViewer(tenant);
  if (!viewer) throw new AppError("not_found", "Post not found");
  const now = new Date().toISOString();
  const [row] = await db.execute<FeedPostRow>(sql`
    with now_moments as (${nowMoments(viewer, now)})
    select p.id, 0 as rank, ${iso(sql`p.published_at`)} as published_at, p.kind, p.pinned, p.link_url, p.link_preview,
      p.media_id, p.visual_landscape_id, p.testimonial, p.hashtags,
      v.locale, v.title, v.body, v.captions, v.email_subject, v.email_body,
      (select array_agg(o.locale order by o.locale) from post_variants o where o.post_id = p.id) as locales,
      c.id as campaign_id, ${nameInLocaleSql(sql`c.name`, sql`c.name_en`, viewer.locale)} as campaign_name, c.hashtags as campaign_hashtags,
      km.id as moment_id, ${nameInLocaleSql(sql`km.title`, sql`km.title_en`, viewer.locale)} as moment_title, ${iso(sql`km.starts_at`)} as moment_starts_at, ${iso(sql`km.ends_at`)} as moment_ends_at,
      coalesce(km.id in (select id from now_moments), false) as moment_now
    from posts p
    cross join lateral (select v.locale, v.title, v.body, v.captions, v.email_subject, v.email_body ${variantFor(viewer.locale)}) v
    left join campaigns c on c.id = p.campaign_id
    left join key_moments km on km.id = p.key_moment_id
    where p.id = ${postId} and ${live(viewer, now)}`);
  if (!row) throw new AppError("not_found", "Post not found");
  return {
    ...toItem(row),
    body: row.body,
    linkUrl: row.link_url,
    videoUrl: row.kind === "video" && row.media_id ? mediaUrl(row.media_id) : null,
    visualUrl: visualId(row) ? mediaUrl(visualId(row)!) : null,
    captions: row.captions,
    email: row.email_body ? { subject: row.email_subject, body: row.email_body } : null,
    campaignHashtags: row.campaign_hashtags ?? [],
    locales: row.locales,
  };
}

// The campaigns a filter chip can point at: those with at least one published post, named
// in the reader's language.
export async function findFeedCampaigns(tenant: Tenant) {
  const viewer = await getViewer(tenant);
  const rows = await db
    .select({ id: campaigns.id, name: campaigns.name, nameEn: campaigns.nameEn })
    .from(campaigns)
    .where(
      inOrg(
        campaigns,
        tenant,
        ne(campaigns.status, "archived"),
        exists(db.select({ one: sql`1` }).from(posts).where(and(eq(posts.campaignId, campaigns.id), eq(posts.status, "published")))),
      ),
    )
    .orderBy(asc(campaigns.name));
  return rows.map((c) => ({ id: c.id, name: nameInLocale(c.name, c.nameEn, viewer?.locale ?? "fr") }));
}
