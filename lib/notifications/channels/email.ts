import escapeHtml from "escape-html";
import type { Locale } from "@/db/schema/enums";
import { sendEmail } from "@/lib/email/send-email";
import { getTranslator } from "@/lib/i18n/translator";
import { brandPalette } from "@/lib/organizations/brand";
import type { RenderedMessage } from "../message";

export type NotificationEmail = {
  to: string;
  // Names the delivery, so that a late bounce quoting it finds its row (lib/notifications/bounces.ts).
  // A digest (many rows in one mail) has none: its late bounce is not recorded.
  messageId?: string;
  locale: Locale;
  org: { name: string; brandColor: string };
  message: RenderedMessage;
  unsubscribeUrl: string;
  urgent: boolean;
};

const footers = new Map<Locale, ReturnType<typeof getTranslator>>();

// HTML and plain text in the reader's language and the organisation's colours, with the
// one-click unsubscribe headers of RFC 8058 (List-Unsubscribe + List-Unsubscribe-Post).
export async function sendNotificationEmail(mail: NotificationEmail) {
  let t = footers.get(mail.locale);
  if (!t) footers.set(mail.locale, (t = getTranslator(mail.locale, "notifications.email")));
  const { brand, onBrand } = brandPalette(mail.org.brandColor);
  const subject = mail.urgent ? `${t("urgent")} ${mail.message.title}` : mail.message.title;
  const footer = t("footer", { org: mail.org.name });
  const text = [mail.message.title, "", mail.message.body, "", `${mail.message.action}: ${mail.message.url}`, "", "--", footer, `${t("unsubscribe")}: ${mail.unsubscribeUrl}`].join("\n");
  const html = `<!doctype html><html lang="${mail.locale}"><body style="margin:0;font-family:system-ui,sans-serif;color:#0f172a">
<div style="border-top:6px solid ${escapeHtml(brand)};padding:16px;max-width:560px">
<p style="font-size:14px;color:#334155;margin:0 0 8px">${escapeHtml(mail.org.name)}</p>
<h1 style="font-size:20px;margin:0 0 12px">${escapeHtml(mail.message.title)}</h1>
${mail.message.body ? `<p style="white-space:pre-line;font-size:16px">${escapeHtml(mail.message.body)}</p>` : ""}
<p><a href="${escapeHtml(mail.message.url)}" style="display:inline-block;background:${escapeHtml(brand)};color:${onBrand};padding:12px 18px;border-radius:8px;text-decoration:none;font-weight:bold">${escapeHtml(mail.message.action)}</a></p>
<p style="font-size:12px;color:#475569">${escapeHtml(footer)} <a href="${escapeHtml(mail.unsubscribeUrl)}" style="color:#475569">${escapeHtml(t("unsubscribe"))}</a></p>
</div></body></html>`;
  await sendEmail({
    to: mail.to,
    messageId: mail.messageId,
    subject,
    text,
    html,
    headers: { "List-Unsubscribe": `<${mail.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  });
}
