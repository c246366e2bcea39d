import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { campaigns } from "./campaigns";
import { id, timestamps } from "./columns";
import { role } from "./enums";
import { memberships } from "./members";
import { organizationId } from "./organizations";
import { posts } from "./posts";

// Channels a notification may take; members choose theirs (notification_preferences).
export const notificationChannel = pgEnum("notification_channel", ["in_app", "email", "push", "slack", "teams"]);
export type NotificationChannelName = (typeof notificationChannel.enumValues)[number];

export const alertStatus = pgEnum("alert_status", ["scheduled", "sending", "sent", "cancelled", "ended"]);
export const alertActionKind = pgEnum("alert_action_kind", ["share", "email", "call", "link", "event"]);
export type AlertActionKind = (typeof alertActionKind.enumValues)[number];

export type AlertAudience = { kind: "everyone" } | { kind: "roles"; roles: (typeof role.enumValues)[number][] } | { kind: "groups"; groupIds: string[] };

// What one call to action asks, by kind. Texts are per language.
export type AlertActionConfig =
  | { kind: "share"; postId: string }
  | { kind: "email"; subject: string; letter: string; sendMode: "mail_app" | "relais"; matchBy: "district" | "all" }
  | { kind: "call"; phone: string | null; script: string }
  | { kind: "link"; url: string }
  | { kind: "event"; place: string; startsAt: string; endsAt: string };

// An action alert: a campaign lead's "act now", fanned out to an audience on the chosen
// channels now or at `sendAt`. `version` moves with every edit of the time, so the delayed
// job of an older time finds nothing to do.
export const alerts = pgTable(
  "alerts",
  {
    id: id("alr"),
    organizationId: organizationId(),
    campaignId: text("campaign_id").references(() => campaigns.id, { onDelete: "set null" }),
    titleFr: text("title_fr").notNull(),
    titleEn: text("title_en").notNull(),
    messageFr: text("message_fr").notNull(),
    messageEn: text("message_en").notNull(),
    audience: jsonb("audience").$type<AlertAudience>().notNull(),
    channels: notificationChannel("channels").array().notNull(),
    urgent: boolean("urgent").notNull().default(false),
    status: alertStatus("status").notNull().default("scheduled"),
    sendAt: timestamp("send_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    // Reminders to those who have not acted: every N hours, up to K times (0: none).
    reminderHours: integer("reminder_hours").notNull().default(0),
    reminderMax: integer("reminder_max").notNull().default(0),
    audienceSize: integer("audience_size"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [index("alerts_org_send_idx").on(t.organizationId, t.sendAt)],
);

export const alertActions = pgTable(
  "alert_actions",
  {
    id: id("aca"),
    organizationId: organizationId(),
    alertId: text("alert_id")
      .notNull()
      .references(() => alerts.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    kind: alertActionKind("kind").notNull(),
    labelFr: text("label_fr").notNull(),
    labelEn: text("label_en").notNull(),
    config: jsonb("config").$type<AlertActionConfig>().notNull(),
    postId: text("post_id").references(() => posts.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [index("alert_actions_alert_idx").on(t.alertId, t.position)],
);

// Decision-makers an "email" or "call" action reaches; a member is matched by district.
export const alertTargets = pgTable(
  "alert_targets",
  {
    id: id("act"),
    organizationId: organizationId(),
    actionId: text("action_id")
      .notNull()
      .references(() => alertActions.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    title: text("title"),
    email: text("email"),
    phone: text("phone"),
    district: text("district"),
  },
  (t) => [index("alert_targets_action_idx").on(t.actionId, t.district)],
);

// One member's state on one call to action: done (with an outcome, an RSVP, a target).
export const alertActionStates = pgTable(
  "alert_action_states",
  {
    organizationId: organizationId(),
    alertId: text("alert_id")
      .notNull()
      .references(() => alerts.id, { onDelete: "cascade" }),
    actionId: text("action_id")
      .notNull()
      .references(() => alertActions.id, { onDelete: "cascade" }),
    membershipId: text("membership_id")
      .notNull()
      .references(() => memberships.id, { onDelete: "cascade" }),
    // talked / voicemail / no_answer (call), yes / no (event RSVP), clicked (link), shared, sent.
    outcome: text("outcome"),
    targetId: text("target_id").references(() => alertTargets.id, { onDelete: "set null" }),
    doneAt: timestamp("done_at", { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [uniqueIndex("alert_action_states_uq").on(t.actionId, t.membershipId), index("alert_action_states_alert_idx").on(t.alertId, t.membershipId)],
);

// Letters Relais sent over SMTP for a member (Reply-To: the member), one per (action,
// member, target); what the lead sees as "letters per target".
export const alertLetters = pgTable(
  "alert_letters",
  {
    id: id("alt"),
    organizationId: organizationId(),
    alertId: text("alert_id")
      .notNull()
      .references(() => alerts.id, { onDelete: "cascade" }),
    actionId: text("action_id")
      .notNull()
      .references(() => alertActions.id, { onDelete: "cascade" }),
    targetId: text("target_id")
      .notNull()
      .references(() => alertTargets.id, { onDelete: "cascade" }),
    membershipId: text("membership_id")
      .notNull()
      .references(() => memberships.id, { onDelete: "cascade" }),
    // "mail_app" (the member's own mail app: counted when they mark it sent) or "relais".
    via: text("via").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    status: text("status").notNull().default("pending"),
    error: text("error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [uniqueIndex("alert_letters_uq").on(t.actionId, t.membershipId, t.targetId), index("alert_letters_target_idx").on(t.targetId)],
);

export const deliveryStatus = pgEnum("delivery_status", ["pending", "sending", "sent", "failed", "skipped"]);

// One row per (person, dedupe key, channel) for the channels that leave Relais (email, push,
// Slack, Teams): inserted when the notification is made, claimed (pending → sending) before
// anything is sent and never claimed twice, so a killed worker's retry sends nothing again.
// `dueAt` holds a non-urgent message until the member's quiet hours end, or their digest.
export const notificationDeliveries = pgTable(
  "notification_deliveries",
  {
    id: id("dlv"),
    organizationId: organizationId(),
    // Null for a webhook (one post per organisation or group).
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    // A webhook delivery names its webhook.
    webhookId: text("webhook_id"),
    channel: notificationChannel("channel").notNull(),
    kind: text("kind").notNull(),
    dedupeKey: text("dedupe_key").notNull(),
    data: jsonb("data").$type<Record<string, string | number>>().notNull().default({}),
    href: text("href"),
    status: deliveryStatus("status").notNull().default("pending"),
    digest: boolean("digest").notNull().default(false),
    dueAt: timestamp("due_at", { withTimezone: true }).defaultNow().notNull(),
    attempts: integer("attempts").notNull().default(0),
    error: text("error"),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    // The alert was viewed in Relais or a link in the message was followed.
    openedAt: timestamp("opened_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [
    uniqueIndex("notification_deliveries_uq").on(t.dedupeKey, t.channel, sql`coalesce(${t.userId}, ${t.webhookId})`),
    index("notification_deliveries_due_idx").on(t.organizationId, t.dedupeKey, t.status, t.dueAt),
    index("notification_deliveries_digest_idx").on(t.dueAt).where(sql`${t.status} = 'pending' and ${t.digest}`),
  ],
);

export const digestFrequency = pgEnum("digest_frequency", ["immediate", "daily", "weekly"]);

// A member's choices for one workspace: channels, quiet hours in their time zone, the digest
// of new posts, unsubscribed email, and the district that matches them to decision-makers.
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    organizationId: organizationId(),
    membershipId: text("membership_id")
      .primaryKey()
      .references(() => memberships.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    channels: notificationChannel("channels").array().notNull().default(sql`'{in_app,email,push}'::notification_channel[]`),
    timeZone: text("time_zone"),
    // "22:00" to "07:00": non-urgent messages wait for the morning.
    quietStart: text("quiet_start"),
    quietEnd: text("quiet_end"),
    postDigest: digestFrequency("post_digest").notNull().default("immediate"),
    // One-click unsubscribe (RFC 8058): no email from this workspace, urgent or not.
    emailUnsubscribedAt: timestamp("email_unsubscribed_at", { withTimezone: true }),
    district: text("district"),
    ...timestamps,
  },
  (t) => [index("notification_preferences_user_idx").on(t.userId)],
);

// The address a person's notification mail last bounced from for good (a 5xx at sending, or a
// late DSN). While it is still their address, Relais sends them no email (alerts, posts,
// digests); changing their address, or asking for email again on their preferences page,
// ends it. One row per person: the address is theirs across workspaces.
export const emailBounces = pgTable("email_bounces", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  email: text("email").notNull(),
  reason: text("reason").notNull(),
  bouncedAt: timestamp("bounced_at", { withTimezone: true }).defaultNow().notNull(),
});

// A browser's push subscription (one per device), removed when the push service says 404/410.
export const pushSubscriptions = pgTable(
  "push_subscriptions",
  {
    id: id("psh"),
    organizationId: organizationId(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    endpoint: text("endpoint").notNull(),
    p256dh: text("p256dh").notNull(),
    auth: text("auth").notNull(),
    userAgent: text("user_agent"),
    createdAt: timestamp("created_at", { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [uniqueIndex("push_subscriptions_endpoint_uq").on(t.organizationId, t.endpoint), index("push_subscriptions_user_idx").on(t.userId, t.organizationId)],
);

export const webhookKind = pgEnum("webhook_kind", ["slack", "teams"]);

// Slack and Teams incoming webhooks, for the whole organisation or one group.
export const chatWebhooks = pgTable(
  "chat_webhooks",
  {
    id: id("whk"),
    organizationId: organizationId(),
    kind: webhookKind("kind").notNull(),
    url: text("url").notNull(),
    groupId: text("group_id"),
    label: text("label"),
    ...timestamps,
  },
  (t) => [index("chat_webhooks_org_idx").on(t.organizationId)],
);

// Instance-wide settings generated on first start (the VAPID key pair for web push).
export const instanceSecrets = pgTable("instance_secrets", {
  name: text("name").primaryKey(),
  value: jsonb("value").$type<Record<string, string>>().notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).defaultNow().notNull(),
});

export type Alert = typeof alerts.$inferSelect;
export type AlertAction = typeof alertActions.$inferSelect;
export type AlertTarget = typeof alertTargets.$inferSelect;
export type NotificationDelivery = typeof notificationDeliveries.$inferSelect;
export type NotificationPreferences = typeof notificationPreferences.$inferSelect;
export type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect;
export type ChatWebhook = typeof chatWebhooks.$inferSelect;
