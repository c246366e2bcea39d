import { jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { id, timestamps } from "./columns";
import { locale } from "./enums";
import { organizationId } from "./organizations";

export const campaignStatus = pgEnum("campaign_status", ["draft", "active", "ended", "archived"]);

export type Objective = { label: string; metric: "shares" | "clicks" | "actions" | "members"; target: number; startsAt?: string; endsAt?: string };

export const campaigns = pgTable(
  "campaigns",
  {
    id: id("cmp"),
    organizationId: organizationId(),
    name: text("name").notNull(),
    // The name for English readers (alerts and badges show it); the French one otherwise.
    nameEn: text("name_en"),
    // Used as utm_campaign on every tracked link of the campaign.
    slug: text("slug").notNull(),
    goal: text("goal"),
    objectives: jsonb("objectives").$type<Objective[]>().notNull().default([]),
    hashtags: text("hashtags").array().notNull().default([]),
    languages: locale("languages").array().notNull().default(["fr", "en"]),
    status: campaignStatus("status").notNull().default("draft"),
    startsAt: timestamp("starts_at", { withTimezone: true }),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [uniqueIndex("campaigns_org_slug_uq").on(t.organizationId, t.slug)],
);

export type Campaign = typeof campaigns.$inferSelect;
