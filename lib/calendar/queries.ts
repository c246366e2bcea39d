import { asc, eq, gte, isNotNull, lt, or, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { campaigns, keyMoments, posts } from "@/db/schema";
import type { Locale } from "@/db/schema/enums";
import { nameInLocaleSql } from "@/lib/campaigns/names";
import { postTitleIn } from "@/lib/posts/queries";
import { inOrg, type Tenant } from "@/lib/tenancy";

export type CalendarMoment = { id: string; campaignId: string; campaignName: string; title: string; audience: string | null; startsAt: Date; endsAt: Date | null };
export type CalendarPost = { id: string; title: string; status: (typeof posts.$inferSelect)["status"]; kind: (typeof posts.$inferSelect)["kind"]; publishAt: Date; keyMomentId: string | null; campaignId: string | null };

// Key moments overlapping [from, to) and posts due to publish in it, for one campaign or all.
// The title shown is the reader's language, else the other one; a campaign's name and a key
// moment's title are English for an English reader when the lead typed one, else French.
export async function findCalendarItems(tenant: Tenant, range: { from: Date; to: Date; campaignId?: string; locale: Locale }) {
  const momentEnd = sql`coalesce(${keyMoments.endsAt}, ${keyMoments.startsAt})`;
  const moments: CalendarMoment[] = await db
    .select({
      id: keyMoments.id,
      campaignId: keyMoments.campaignId,
      campaignName: sql<string>`${nameInLocaleSql(sql`${campaigns.name}`, sql`${campaigns.nameEn}`, range.locale)}`,
      title: sql<string>`${nameInLocaleSql(sql`${keyMoments.title}`, sql`${keyMoments.titleEn}`, range.locale)}`,
      audience: keyMoments.audience,
      startsAt: keyMoments.startsAt,
      endsAt: keyMoments.endsAt,
    })
    .from(keyMoments)
    .innerJoin(campaigns, eq(campaigns.id, keyMoments.campaignId))
    .where(
      inOrg(
        keyMoments,
        tenant,
        lt(keyMoments.startsAt, range.to),
        sql`${momentEnd} >= ${range.from.toISOString()}::timestamptz`,
        range.campaignId ? eq(keyMoments.campaignId, range.campaignId) : undefined,
      ),
    )
    .orderBy(asc(keyMoments.startsAt));

  const postRows = await db
    .select({ id: posts.id, title: postTitleIn(range.locale), status: posts.status, kind: posts.kind, publishAt: posts.publishAt, keyMomentId: posts.keyMomentId, campaignId: posts.campaignId })
    .from(posts)
    .where(
      inOrg(
        posts,
        tenant,
        isNotNull(posts.publishAt),
        gte(posts.publishAt, range.from),
        lt(posts.publishAt, range.to),
        range.campaignId ? or(eq(posts.campaignId, range.campaignId), sql`${posts.keyMomentId} in (select id from key_moments where campaign_id = ${range.campaignId})`) : undefined,
      ),
    )
    .orderBy(asc(posts.publishAt));
  return { moments, posts: postRows.map((p) => ({ ...p, title: p.title ?? "", publishAt: p.publishAt! })) satisfies CalendarPost[] };
}

