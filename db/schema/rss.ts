import { boolean, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { campaigns } from "./campaigns";
import { id, timestamps } from "./columns";
import { locale } from "./enums";
import { organizationId } from "./organizations";
import { posts } from "./posts";

export const rssFeeds = pgTable(
  "rss_feeds",
  {
    id: id("rss"),
    organizationId: organizationId(),
    url: text("url").notNull(),
    // The feed's own title, read at each fetch; shown in the feed list.
    title: text("title"),
    // Imported entries become a draft variant in this language.
    locale: locale("locale").notNull().default("fr"),
    campaignId: text("campaign_id").references(() => campaigns.id, { onDelete: "set null" }),
    enabled: boolean("enabled").notNull().default(true),
    etag: text("etag"),
    lastModified: text("last_modified"),
    lastFetchedAt: timestamp("last_fetched_at", { withTimezone: true }),
    lastError: text("last_error"),
    ...timestamps,
  },
  (t) => [uniqueIndex("rss_feeds_org_url_uq").on(t.organizationId, t.url)],
);

// One row per feed entry ever seen: an entry becomes a draft once, whatever happens later.
export const rssEntries = pgTable(
  "rss_entries",
  {
    id: id("rse"),
    organizationId: organizationId(),
    feedId: text("feed_id")
      .notNull()
      .references(() => rssFeeds.id, { onDelete: "cascade" }),
    guid: text("guid").notNull(),
    postId: text("post_id").references(() => posts.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [uniqueIndex("rss_entries_feed_guid_uq").on(t.feedId, t.guid)],
);
