import type { Notification } from "@/db/schema";
import type { Locale } from "@/db/schema/enums";

import { NOTIFICATION_KINDS } from "./kinds";

type Translate = (key: string, values?: Record<string, string | number>) => string;

// Notifications are stored as a type and data, and put into words when read, in the reader's
// language: a post's title in theirs, else the other one.
export function notificationText(n: Pick<Notification, "type" | "data">, locale: Locale, t: Translate) {
  const other: Locale = locale === "fr" ? "en" : "fr";
  const title = String(n.data[`title_${locale}`] ?? n.data[`title_${other}`] ?? "");
  const known = (NOTIFICATION_KINDS as readonly string[]).includes(n.type);
  return known ? t(`types.${n.type}`, { ...n.data, title }) : t("types.unknown");
}
