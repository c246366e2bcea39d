import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { campaigns } from "./campaigns";
import { id, timestamps } from "./columns";
import { organizationId } from "./organizations";

export const keyMoments = pgTable(
  "key_moments",
  {
    id: id("km"),
    organizationId: organizationId(),
    campaignId: text("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    // The title for English readers; the French one otherwise.
    titleEn: text("title_en"),
    description: text("description"),
    // Free text ("Éducateurs et conseil", "Tous les membres"): who the moment speaks to.
    audience: text("audience"),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index("key_moments_org_starts_idx").on(t.organizationId, t.startsAt), index("key_moments_campaign_idx").on(t.campaignId, t.startsAt)],
);

export type KeyMoment = typeof keyMoments.$inferSelect;
