import type { NotificationChannelName } from "@/db/schema/alerts";

// Each kind has a message under notifications.types.<kind> in both languages, and is stored
// as a kind plus data, put into words when read.
export const NOTIFICATION_KINDS = ["post_published", "post_submitted", "post_approved", "suggestion_accepted", "suggestion_declined", "share_reminder", "alert", "alert_reminder", "event_reminder", "contest_closed", "contest_won"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type NotificationData = Record<string, string | number>;

// The channels each kind may take beyond the inbox; a member's preferences narrow them and a
// call may narrow them further (an alert's chosen channels). A kind not listed stays in-app.
export const KIND_CHANNELS: Partial<Record<NotificationKind, readonly NotificationChannelName[]>> = {
  post_published: ["in_app", "email", "push"],
  alert: ["in_app", "email", "push", "slack", "teams"],
  alert_reminder: ["in_app", "email", "push"],
  event_reminder: ["in_app", "email", "push"],
  contest_won: ["in_app", "email", "push"],
};

export const channelsOf = (kind: NotificationKind): readonly NotificationChannelName[] => KIND_CHANNELS[kind] ?? ["in_app"];

// Kinds whose email may wait for the member's digest (daily or weekly) instead of going now.
export const DIGEST_KINDS: readonly NotificationKind[] = ["post_published"];
