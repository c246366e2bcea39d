import { relations } from "drizzle-orm";
import { boolean, index, pgEnum, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { network } from "./enums";
import { trackedLinks } from "./tracked-links";

export const clickDevice = pgEnum("click_device", ["desktop", "mobile", "tablet", "other"]);
// Why a click does not count as a human click (null: it counts). Filtered clicks are kept,
// with their reason, so a report can say what was left out and a contest dispute can be
// settled.
export const clickFilter = pgEnum("click_filter", ["bot", "preview", "head", "prefetch", "repeat", "self"]);

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
    // Minted by the redirect process for each click (process prefix + counter): with the
    // click's time (fixed when the click is minted), the idempotency key that makes a
    // replayed or duplicated stream entry a no-op.
    id: text("id").notNull(),
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
    filterReason: clickFilter("filter_reason"),
    country: text("country"),
    deviceClass: clickDevice("device_class").notNull(),
    browserFamily: text("browser_family"),
    referrerDomain: text("referrer_domain"),
  },
  // Partitioned by month of clicked_at (migration 0015_analytics_clicks_partitioned), so
  // retention drops whole partitions; the primary key must hold the partition key.
  (t) => [
    primaryKey({ name: "clicks_pkey", columns: [t.id, t.clickedAt] }),
    index("clicks_org_clicked_idx").on(t.organizationId, t.clickedAt),
    index("clicks_link_clicked_idx").on(t.linkId, t.clickedAt),
  ],
);

export const clicksRelations = relations(clicks, ({ one }) => ({
  link: one(trackedLinks, { fields: [clicks.linkId], references: [trackedLinks.id] }),
}));

export type Click = typeof clicks.$inferSelect;
export type ClickFilter = (typeof clickFilter.enumValues)[number];
