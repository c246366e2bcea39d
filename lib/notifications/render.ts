import type { Notification } from "@/db/schema";
import type { Locale } from "@/db/schema/enums";

// Each type has a message under notifications.types.<type> in both languages.
export const NOTIFICATION_TYPES = ["post_published", "post_submitted", "post_approved", "suggestion_accepted", "suggestion_declined", "share_reminder"] as const;

type Translate = (key: string, values?: Record<string, string | number>) => string;

// Notifications are stored as a type and data, and put into words when read, in the reader's
// language: a post's title in theirs, else the other one.
export function notificationText(n: Pick<Notification, "type" | "data">, locale: Locale, t: Translate) {
  const other: Locale = locale === "fr" ? "en" : "fr";
  const title = String(n.data[`title_${locale}`] ?? n.data[`title_${other}`] ?? "");
  const known = (NOTIFICATION_TYPES as readonly string[]).includes(n.type);
  return known ? t(`types.${n.type}`, { ...n.data, title }) : t("types.unknown");
}
