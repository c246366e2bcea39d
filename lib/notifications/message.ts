import type { Locale } from "@/db/schema/enums";
import { getTranslator } from "@/lib/i18n/translator";
import { notificationText } from "./render";

export type RenderedMessage = { title: string; body: string; url: string; action: string };

const translators = new Map<Locale, ReturnType<typeof getTranslator>>();
const translator = (locale: Locale) => {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = getTranslator(locale, "notifications")));
  return t;
};

// What a message leaving Relais says, in the reader's language: an alert's own title and
// message, any other kind its inbox line.
export function renderMessage(kind: string, data: Record<string, string | number>, href: string | null, locale: Locale, base: string): RenderedMessage {
  const t = translator(locale);
  const other: Locale = locale === "fr" ? "en" : "fr";
  const pick = (field: string) => String(data[`${field}_${locale}`] || data[`${field}_${other}`] || "");
  const line = notificationText({ type: kind, data }, locale, t);
  const title = kind === "alert" ? pick("title") : line;
  const body = kind === "alert" ? pick("message") : kind === "alert_reminder" || kind === "event_reminder" ? pick("title") : "";
  return { title, body, url: new URL(href ?? "/", base).toString(), action: t("email.open") };
}
