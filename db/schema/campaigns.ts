import { relations } from "drizzle-orm";
import { boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { id, timestamps } from "./columns";
import { organizations } from "./organizations";

export const campaignStatus = pgEnum("campaign_status", ["draft", "active", "ended", "archived"]);
export const postKind = pgEnum("post_kind", ["text", "link", "image", "video", "testimonial"]);
export const postStatus = pgEnum("post_status", [
  "draft",
  "in_review",
  "approved",
  "scheduled",
  "published",
  "expired",
]);

export const campaigns = pgTable(
  "campaigns",
  {
    id: id("cmp"),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    // Used as utm_campaign on every tracked link of the campaign.
    slug: text("slug").notNull(),
    goal: text("goal"),
    hashtags: text("hashtags").array().notNull().default([]),
    status: campaignStatus("status").notNull().default("draft"),
    startsAt: timestamp("starts_at", { withTimezone: true }),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [uniqueIndex("campaigns_org_slug_uq").on(t.organizationId, t.slug)],
);

export const keyMoments = pgTable(
  "key_moments",
  {
    id: id("km"),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    campaignId: text("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description"),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index("key_moments_org_starts_idx").on(t.organizationId, t.startsAt)],
);

export const posts = pgTable(
  "posts",
  {
    id: id("post"),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    campaignId: text("campaign_id").references(() => campaigns.id, { onDelete: "set null" }),
    keyMomentId: text("key_moment_id").references(() => keyMoments.id, { onDelete: "set null" }),
    kind: postKind("kind").notNull().default("text"),
    status: postStatus("status").notNull().default("draft"),
    // The external destination a tracked link redirects to; null sends clicks to /p/<id>.
    linkUrl: text("link_url"),
    advocatesCanSee: boolean("advocates_can_see").notNull().default(true),
    pinned: boolean("pinned").notNull().default(false),
    publishAt: timestamp("publish_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [index("posts_org_status_published_idx").on(t.organizationId, t.status, t.publishedAt)],
);

export const campaignsRelations = relations(campaigns, ({ many }) => ({
  keyMoments: many(keyMoments),
  posts: many(posts),
}));

export const postsRelations = relations(posts, ({ one }) => ({
  campaign: one(campaigns, { fields: [posts.campaignId], references: [campaigns.id] }),
  keyMoment: one(keyMoments, { fields: [posts.keyMomentId], references: [keyMoments.id] }),
}));

export type Campaign = typeof campaigns.$inferSelect;
export type KeyMoment = typeof keyMoments.$inferSelect;
export type Post = typeof posts.$inferSelect;
