// Each kind has a message under notifications.types.<kind> in both languages, and is stored
// as a kind plus data, put into words when read.
export const NOTIFICATION_KINDS = ["post_published", "post_submitted", "post_approved", "suggestion_accepted", "suggestion_declined", "share_reminder", "contest_closed", "contest_won"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type NotificationData = Record<string, string | number>;
