import { bigint, date, index, integer, numeric, pgTable, primaryKey, smallint, text, timestamp, unique } from "drizzle-orm/pg-core";
import { id } from "./columns";
import { network } from "./enums";
import { campaigns } from "./campaigns";
import { memberships } from "./members";
import { organizationId } from "./organizations";

// The figures every rollup row carries. Clicks are split as the click ingester judged them
// (filter_reason null = a person's click); reach is kept as "declared followers summed at
// share time" plus the shares whose sharer declared nothing, which the organisation's default
// audience for the network multiplies when the figure is read (so a changed default applies
// to the past too).
const metrics = () => ({
  shares: integer("shares").notNull().default(0),
  reachDeclared: bigint("reach_declared", { mode: "number" }).notNull().default(0),
  sharesUndeclared: integer("shares_undeclared").notNull().default(0),
  clicks: integer("clicks").notNull().default(0),
  uniqueClicks: integer("unique_clicks").notNull().default(0),
  filteredBot: integer("filtered_bot").notNull().default(0),
  filteredPreview: integer("filtered_preview").notNull().default(0),
  filteredHead: integer("filtered_head").notNull().default(0),
  filteredPrefetch: integer("filtered_prefetch").notNull().default(0),
  filteredRepeat: integer("filtered_repeat").notNull().default(0),
  filteredSelf: integer("filtered_self").notNull().default(0),
  actions: integer("actions").notNull().default(0),
});

// Per hour of the organisation's clock (`hour` is the instant that hour starts, so the two
// 01:00 of a daylight-saving night stay apart), per post and network. No foreign keys: rows
// outlive the raw clicks (partitions dropped by retention) and are written by workers in
// batches. Kept current by lib/analytics/rollup.ts; dashboards read only these tables.
export const analyticsHourly = pgTable(
  "analytics_hourly",
  {
    organizationId: text("organization_id").notNull(),
    hour: timestamp("hour", { withTimezone: true }).notNull(),
    campaignId: text("campaign_id"),
    postId: text("post_id"),
    network: network("network"),
    ...metrics(),
  },
  (t) => [
    unique("analytics_hourly_key").on(t.organizationId, t.hour, t.campaignId, t.postId, t.network).nullsNotDistinct(),
    index("analytics_hourly_org_campaign_hour_idx").on(t.organizationId, t.campaignId, t.hour),
  ],
);

// Per day of the organisation's calendar, down to the member: breakdowns by member, group,
// language, and each member's own impact.
export const analyticsDaily = pgTable(
  "analytics_daily",
  {
    organizationId: text("organization_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    campaignId: text("campaign_id"),
    postId: text("post_id"),
    network: network("network"),
    membershipId: text("membership_id"),
    ...metrics(),
  },
  (t) => [
    unique("analytics_daily_key").on(t.organizationId, t.day, t.campaignId, t.postId, t.network, t.membershipId).nullsNotDistinct(),
    index("analytics_daily_org_campaign_day_idx").on(t.organizationId, t.campaignId, t.day),
    index("analytics_daily_org_member_day_idx").on(t.organizationId, t.membershipId, t.day),
  ],
);

// Smaller pre-summed copies of the two rollups, so a dashboard page reads a few thousand rows
// whatever the organisation's size: per local day × campaign × post × network (totals, networks,
// posts, the daily series), per local day × campaign × member (members, groups, languages,
// participation) and per local day × campaign × local hour of the day (the hour-of-day chart).
// Written by the same statement as analytics_hourly and analytics_daily (lib/analytics/rollup.ts),
// so they always sum to the same figures.
export const analyticsDailyPosts = pgTable(
  "analytics_daily_posts",
  {
    organizationId: text("organization_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    campaignId: text("campaign_id"),
    postId: text("post_id"),
    network: network("network"),
    ...metrics(),
  },
  (t) => [
    unique("analytics_daily_posts_key").on(t.organizationId, t.day, t.campaignId, t.postId, t.network).nullsNotDistinct(),
    index("analytics_daily_posts_org_campaign_day_idx").on(t.organizationId, t.campaignId, t.day),
  ],
);

export const analyticsDailyMembers = pgTable(
  "analytics_daily_members",
  {
    organizationId: text("organization_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    campaignId: text("campaign_id"),
    membershipId: text("membership_id"),
    ...metrics(),
  },
  (t) => [
    unique("analytics_daily_members_key").on(t.organizationId, t.day, t.campaignId, t.membershipId).nullsNotDistinct(),
    index("analytics_daily_members_org_campaign_day_idx").on(t.organizationId, t.campaignId, t.day),
  ],
);

export const analyticsDailyHours = pgTable(
  "analytics_daily_hours",
  {
    organizationId: text("organization_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    campaignId: text("campaign_id"),
    hourOfDay: smallint("hour_of_day").notNull(),
    ...metrics(),
  },
  (t) => [
    unique("analytics_daily_hours_key").on(t.organizationId, t.day, t.campaignId, t.hourOfDay).nullsNotDistinct(),
    index("analytics_daily_hours_org_campaign_day_idx").on(t.organizationId, t.campaignId, t.day),
  ],
);

// One row per event already added to the rollups, written in the same transaction as the
// additions: a replayed event (retry, second dispatch) adds nothing, and a worker killed
// mid-way leaves neither.
export const analyticsAppliedEvents = pgTable("analytics_applied_events", {
  eventId: text("event_id").primaryKey(),
  organizationId: text("organization_id").notNull(),
  appliedAt: timestamp("applied_at", { withTimezone: true }).defaultNow().notNull(),
});

// A recount of an organisation's rollups in its new time zone (lib/analytics/rebuild-time-zone.ts),
// one per `organization.time_zone.changed` event: the analytics pages show its progress.
export const analyticsRebuilds = pgTable(
  "analytics_rebuilds",
  {
    eventId: text("event_id").primaryKey(),
    organizationId: organizationId(),
    timeZone: text("time_zone").notNull(),
    stepsDone: integer("steps_done").notNull().default(0),
    steps: integer("steps").notNull().default(1),
    startedAt: timestamp("started_at", { withTimezone: true }).defaultNow().notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("analytics_rebuilds_org_started_idx").on(t.organizationId, t.startedAt)],
);

// The organisation's rates per network (a missing row means the defaults of
// lib/analytics/method.ts).
export const analyticsRates = pgTable(
  "analytics_rates",
  {
    organizationId: organizationId(),
    network: network("network").notNull(),
    defaultAudience: integer("default_audience").notNull(),
    viewRate: numeric("view_rate", { mode: "number" }).notNull(),
    cpm: numeric("cpm", { mode: "number" }).notNull(),
    cpc: numeric("cpc", { mode: "number" }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.network] })],
);

// Followers a member declares on a network (their profile): their share's reach.
export const memberAudiences = pgTable(
  "member_audiences",
  {
    organizationId: organizationId(),
    membershipId: text("membership_id")
      .notNull()
      .references(() => memberships.id, { onDelete: "cascade" }),
    network: network("network").notNull(),
    followers: integer("followers").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [primaryKey({ columns: [t.membershipId, t.network] })],
);

// A read-only campaign report for people outside Relais: the token is shown once, only its
// hash is kept; revoked or expired links answer 404.
export const reportLinks = pgTable(
  "report_links",
  {
    id: id("rpl"),
    organizationId: organizationId(),
    campaignId: text("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdBy: text("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [index("report_links_org_campaign_idx").on(t.organizationId, t.campaignId)],
);

export type AnalyticsRate = typeof analyticsRates.$inferSelect;
export type ReportLink = typeof reportLinks.$inferSelect;
