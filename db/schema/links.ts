import { relations } from "drizzle-orm";
import { boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { posts } from "./campaigns";
import { id } from "./columns";
import { network } from "./enums";
import { memberships, organizationId } from "./organizations";

export const clickDevice = pgEnum("click_device", ["desktop", "mobile", "tablet", "other"]);

// One tracked link per (member, post, network): every tap on the same button reuses it, so
// the clicks a member earned on a network add up on one code.
export const trackedLinks = pgTable(
  "tracked_links",
  {
    id: id("lnk"),
    organizationId: organizationId(),
    // Base62, random: the public part of /l/<code>.
    code: text("code").notNull(),
    // Set null when the member leaves: links already posted on social networks keep working.
    membershipId: text("membership_id").references(() => memberships.id, { onDelete: "set null" }),
    postId: text("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    network: network("network").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [
    uniqueIndex("tracked_links_code_uq").on(t.code),
    // Concurrent taps insert … on conflict do nothing against this, then read the winner.
    uniqueIndex("tracked_links_post_member_network_uq").on(t.postId, t.membershipId, t.network),
    index("tracked_links_org_member_idx").on(t.organizationId, t.membershipId),
  ],
);

// Every tap on a share button (a member may share the same post twice on one network).
export const shares = pgTable(
  "shares",
  {
    id: id("shr"),
    organizationId: organizationId(),
    membershipId: text("membership_id").references(() => memberships.id, { onDelete: "set null" }),
    postId: text("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    network: network("network").notNull(),
    linkId: text("link_id")
      .notNull()
      .references(() => trackedLinks.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [
    index("shares_org_member_created_idx").on(t.organizationId, t.membershipId, t.createdAt),
    index("shares_org_created_idx").on(t.organizationId, t.createdAt),
    index("shares_post_idx").on(t.postId),
    index("shares_link_idx").on(t.linkId),
  ],
);

// Written only by the click ingester, in batches of thousands (one `insert … select from
// unnest(…) on conflict do nothing` per batch), and read by analytics over time ranges.
// Kept lean for insert speed: two secondary indexes and no foreign key, whose per-row check
// (a locking lookup in tracked_links for every click) cost a third of the insert time. The
// ingester only inserts clicks of links it just joined; deleting links (or their post or
// organisation) deletes their clicks through the statement-level trigger of migration
// 0010_clicks_cascade_trigger. The ids copied from the link at click time (organisation,
// post, campaign, member, network) let analytics group without a join.
export const clicks = pgTable(
  "clicks",
  {
    // Minted by the redirect process for each click (process prefix + counter): the
    // idempotency key that makes a replayed or duplicated stream entry a no-op.
    id: text("id").primaryKey(),
    organizationId: text("organization_id").notNull(),
    linkId: text("link_id").notNull(),
    postId: text("post_id").notNull(),
    campaignId: text("campaign_id"),
    membershipId: text("membership_id"),
    network: network("network").notNull(),
    clickedAt: timestamp("clicked_at", { withTimezone: true }).notNull(),
    // HMAC-SHA256(IP + user agent) under a salt that rotates daily and is never stored here:
    // counts unique visitors for a day without keeping an address.
    visitorHash: text("visitor_hash").notNull(),
    // First click by this visitor on this link within 24 hours.
    isUnique: boolean("is_unique").notNull(),
    country: text("country"),
    deviceClass: clickDevice("device_class").notNull(),
    browserFamily: text("browser_family"),
    referrerDomain: text("referrer_domain"),
  },
  (t) => [
    index("clicks_org_clicked_idx").on(t.organizationId, t.clickedAt),
    index("clicks_link_clicked_idx").on(t.linkId, t.clickedAt),
  ],
);

// "Remind me to share" at a chosen time: a delayed job turns it into an in-app notification.
export const shareReminders = pgTable(
  "share_reminders",
  {
    id: id("srm"),
    organizationId: organizationId(),
    membershipId: text("membership_id")
      .notNull()
      .references(() => memberships.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    postId: text("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    remindAt: timestamp("remind_at", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [index("share_reminders_org_member_idx").on(t.organizationId, t.membershipId, t.remindAt)],
);

export const trackedLinksRelations = relations(trackedLinks, ({ one, many }) => ({
  post: one(posts, { fields: [trackedLinks.postId], references: [posts.id] }),
  membership: one(memberships, { fields: [trackedLinks.membershipId], references: [memberships.id] }),
  shares: many(shares),
}));

export const sharesRelations = relations(shares, ({ one }) => ({
  link: one(trackedLinks, { fields: [shares.linkId], references: [trackedLinks.id] }),
  post: one(posts, { fields: [shares.postId], references: [posts.id] }),
}));

export const clicksRelations = relations(clicks, ({ one }) => ({
  link: one(trackedLinks, { fields: [clicks.linkId], references: [trackedLinks.id] }),
}));

export type TrackedLink = typeof trackedLinks.$inferSelect;
export type Share = typeof shares.$inferSelect;
export type Click = typeof clicks.$inferSelect;
export type ShareReminder = typeof shareReminders.$inferSelect;
