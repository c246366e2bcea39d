import { bigint, boolean, foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, unique, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { id, timestamps } from "./columns";
import { organizationId } from "./organizations";

export type ContestPrize = { fromRank: number; toRank: number; labelFr: string; labelEn: string };

// Points a rule version gives. A cap is points per member per day in the organisation's time
// zone (null: no cap); `daily` caps the member's whole day, the others one rule each.
export type ContestRuleSet = {
  share: Record<string, number>;
  click: number;
  action: Record<string, number>;
  keyMomentBonus: number;
  caps: { daily: number | null; share: number | null; click: number | null; action: number | null; bonus: number | null };
};

export const contests = pgTable(
  "contests",
  {
    id: id("cst"),
    organizationId: organizationId(),
    nameFr: text("name_fr").notNull(),
    nameEn: text("name_en").notNull(),
    descriptionFr: text("description_fr").notNull().default(""),
    descriptionEn: text("description_en").notNull().default(""),
    rulesTextFr: text("rules_text_fr").notNull().default(""),
    rulesTextEn: text("rules_text_en").notNull().default(""),
    // Campaigns whose posts score; empty: every campaign of the organisation.
    campaignIds: text("campaign_ids").array().notNull().default([]),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    includeStaff: boolean("include_staff").notNull().default(true),
    includeAdvocates: boolean("include_advocates").notNull().default(true),
    // Groups that take part (and form the teams); empty: everyone, every group a team.
    groupIds: text("group_ids").array().notNull().default([]),
    prizes: jsonb("prizes").$type<ContestPrize[]>().notNull().default([]),
    minScore: integer("min_score").notNull().default(0),
    // The big-screen link's secret (null: no link, or revoked).
    screenToken: text("screen_token").unique(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    // Frozen at the close: the winners and the final standings' size.
    results: jsonb("results").$type<ContestResults>(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    index("contests_org_ends_idx").on(t.organizationId, t.endsAt),
    // What the ledger's (organisation, contest) foreign key points at.
    unique("contests_org_id_key").on(t.organizationId, t.id),
  ],
);

export type ContestResults = {
  closedAt: string;
  participants: number;
  winners: { rank: number; membershipId: string; name: string; points: number; prizeFr: string; prizeEn: string }[];
};

// Versions of a contest's points rules: an event scores by the version in force when it
// happened. Versions are added, never changed, once the contest has started.
export const contestRuleVersions = pgTable(
  "contest_rule_versions",
  {
    id: id("csr"),
    organizationId: organizationId(),
    contestId: text("contest_id")
      .notNull()
      .references(() => contests.id, { onDelete: "cascade" }),
    effectiveFrom: timestamp("effective_from", { withTimezone: true }).notNull(),
    rules: jsonb("rules").$type<ContestRuleSet>().notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [uniqueIndex("contest_rule_versions_contest_from_uq").on(t.contestId, t.effectiveFrom)],
);

export const pointsSource = pgEnum("points_source", ["share", "click", "action", "bonus", "reversal"]);

// The points ledger: one row per scoring event, append-only (a trigger refuses UPDATE and
// DELETE, migration contests_ledger_append_only); a reversal is a new row with negative
// points and its reason. The idempotency key makes a replayed event a no-op.
export const contestPoints = pgTable(
  "contest_points",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    // Both checked by one foreign key, to the contest of that organisation (below): it also
    // holds a row's organisation to its contest's, and is one check per row instead of two.
    organizationId: text("organization_id").notNull(),
    contestId: text("contest_id").notNull(),
    membershipId: text("membership_id").notNull(),
    points: integer("points").notNull(),
    source: pointsSource("source").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    // What earned it: a share, a click, an action (their ids), the post and network.
    sourceId: text("source_id"),
    postId: text("post_id"),
    network: text("network"),
    detail: text("detail"),
    // For a reversal: why, and who.
    reason: text("reason"),
    actorUserId: text("actor_user_id"),
    // The day (organisation's time zone) the event counts against caps.
    day: text("day").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [
    // An organisation's deletion reaches its ledger through its contests.
    foreignKey({ name: "contest_points_contest_fk", columns: [t.organizationId, t.contestId], foreignColumns: [contests.organizationId, contests.id] }).onDelete("cascade"),
    uniqueIndex("contest_points_idempotency_uq").on(t.idempotencyKey),
    index("contest_points_contest_member_idx").on(t.contestId, t.membershipId, t.id),
  ],
);

// Running daily totals per contest member: the row lock that serialises scoring of one
// member across worker processes, and what caps are checked against. Derived from the
// ledger (rebuildable), so it may be updated.
export const contestDailyTotals = pgTable(
  "contest_daily_totals",
  {
    contestId: text("contest_id")
      .notNull()
      .references(() => contests.id, { onDelete: "cascade" }),
    membershipId: text("membership_id").notNull(),
    day: text("day").notNull(),
    total: integer("total").notNull().default(0),
    share: integer("share").notNull().default(0),
    click: integer("click").notNull().default(0),
    action: integer("action").notNull().default(0),
    bonus: integer("bonus").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.contestId, t.membershipId, t.day] })],
);

export type Contest = typeof contests.$inferSelect;
export type ContestRuleVersion = typeof contestRuleVersions.$inferSelect;
export type ContestPoint = typeof contestPoints.$inferSelect;
