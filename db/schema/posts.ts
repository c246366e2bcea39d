import { relations, sql } from "drizzle-orm";
import { boolean, index, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { campaigns } from "./campaigns";
import { id, timestamps } from "./columns";
import { locale } from "./enums";
import { groups } from "./groups";
import { keyMoments } from "./key-moments";
import { media } from "./media";
import { organizationId } from "./organizations";

export const postKind = pgEnum("post_kind", ["text", "link", "image", "video", "testimonial"]);
export const postStatus = pgEnum("post_status", ["draft", "in_review", "approved", "scheduled", "published", "expired"]);

// imageUrl says where the image came from; imageMediaId is our own copy, the only one shown.
export type LinkPreview = { url: string; title?: string; description?: string; imageUrl?: string; imageMediaId?: string; siteName?: string; fetchedAt: string };
export type Testimonial = { photoMediaId?: string; firstName: string; jobTitle: string; quote: string };

export const posts = pgTable(
  "posts",
  {
    id: id("post"),
    organizationId: organizationId(),
    campaignId: text("campaign_id").references(() => campaigns.id, { onDelete: "set null" }),
    keyMomentId: text("key_moment_id").references(() => keyMoments.id, { onDelete: "set null" }),
    kind: postKind("kind").notNull().default("text"),
    status: postStatus("status").notNull().default("draft"),
    // The external destination a tracked link redirects to; null sends clicks to /p/<id>.
    linkUrl: text("link_url"),
    linkPreview: jsonb("link_preview").$type<LinkPreview>(),
    // A new destination for a post whose links are already out (lib/posts/destination.ts):
    // clicks keep going to link_url until another lead or an admin approves it with the post.
    // pending_link_at says a change is waiting (pending_link_url may be null: back to the
    // post's public page).
    pendingLinkUrl: text("pending_link_url"),
    pendingLinkPreview: jsonb("pending_link_preview").$type<LinkPreview>(),
    pendingLinkBy: text("pending_link_by").references(() => users.id, { onDelete: "set null" }),
    pendingLinkAt: timestamp("pending_link_at", { withTimezone: true }),
    mediaId: text("media_id").references(() => media.id, { onDelete: "set null" }),
    testimonial: jsonb("testimonial").$type<Testimonial>(),
    // Generated testimonial visuals (1200×627 for link cards, 1080×1080 for feeds).
    visualLandscapeId: text("visual_landscape_id").references(() => media.id, { onDelete: "set null" }),
    visualSquareId: text("visual_square_id").references(() => media.id, { onDelete: "set null" }),
    hashtags: text("hashtags").array().notNull().default([]),
    // Audience: groups in post_audience_groups (none = everyone); advocates or staff only.
    advocatesCanSee: boolean("advocates_can_see").notNull().default(true),
    pinned: boolean("pinned").notNull().default(false),
    publishAt: timestamp("publish_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    index("posts_org_status_published_idx").on(t.organizationId, t.status, t.publishedAt),
    index("posts_campaign_idx").on(t.campaignId),
    // The calendar: posts by publish time in a date range.
    index("posts_org_publish_at_idx").on(t.organizationId, t.publishAt),
    // The safety sweep looks for overdue work across every organisation each minute.
    index("posts_due_publish_idx").on(t.publishAt).where(sql`${t.status} = 'scheduled'`),
    index("posts_due_expire_idx").on(t.expiresAt).where(sql`${t.status} = 'published' and ${t.expiresAt} is not null`),
    // The member feed (lib/feed): one backward scan per rank (pinned, moment now, the rest)
    // that stops after a page, and the keyset cursor (published_at, id) as an index condition.
    index("posts_feed_idx").on(t.organizationId, t.publishedAt, t.id).where(sql`${t.status} = 'published'`),
    index("posts_feed_pinned_idx").on(t.organizationId, t.publishedAt, t.id).where(sql`${t.status} = 'published' and ${t.pinned}`),
    index("posts_key_moment_feed_idx").on(t.keyMomentId, t.publishedAt, t.id).where(sql`${t.status} = 'published'`),
    index("posts_campaign_feed_idx").on(t.campaignId, t.publishedAt, t.id).where(sql`${t.status} = 'published'`),
  ],
);

export type Captions = Partial<Record<"linkedin" | "x" | "facebook" | "bluesky" | "mastodon" | "threads" | "whatsapp" | "telegram", string>>;

// The French and English versions of a post; a member sees their language, else the other.
export const postVariants = pgTable(
  "post_variants",
  {
    id: id("pv"),
    organizationId: organizationId(),
    postId: text("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    locale: locale("locale").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    captions: jsonb("captions").$type<Captions>().notNull().default({}),
    emailSubject: text("email_subject"),
    emailBody: text("email_body"),
    ...timestamps,
  },
  (t) => [uniqueIndex("post_variants_post_locale_uq").on(t.postId, t.locale)],
);

export const postAudienceGroups = pgTable(
  "post_audience_groups",
  {
    organizationId: organizationId(),
    postId: text("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    groupId: text("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.postId, t.groupId] }), index("post_audience_groups_group_idx").on(t.groupId)],
);

// Who moved a post to which status, and when: shown on the post.
export const postEvents = pgTable(
  "post_events",
  {
    id: id("pev"),
    organizationId: organizationId(),
    postId: text("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    fromStatus: postStatus("from_status"),
    toStatus: postStatus("to_status").notNull(),
    // Null when a job did it (scheduled publishing, expiry).
    actorUserId: text("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [index("post_events_post_idx").on(t.postId, t.createdAt)],
);

export const postsRelations = relations(posts, ({ one, many }) => ({
  campaign: one(campaigns, { fields: [posts.campaignId], references: [campaigns.id] }),
  keyMoment: one(keyMoments, { fields: [posts.keyMomentId], references: [keyMoments.id] }),
  variants: many(postVariants),
  audienceGroups: many(postAudienceGroups),
  events: many(postEvents),
}));

export const postVariantsRelations = relations(postVariants, ({ one }) => ({
  post: one(posts, { fields: [postVariants.postId], references: [posts.id] }),
}));

export const postAudienceGroupsRelations = relations(postAudienceGroups, ({ one }) => ({
  post: one(posts, { fields: [postAudienceGroups.postId], references: [posts.id] }),
}));

export const postEventsRelations = relations(postEvents, ({ one }) => ({
  post: one(posts, { fields: [postEvents.postId], references: [posts.id] }),
}));

export type Post = typeof posts.$inferSelect;
export type PostVariant = typeof postVariants.$inferSelect;
