import type { Locale } from "@/db/schema/enums";
import { sendEmail } from "@/lib/email/send-email";
import { getTranslator } from "@/lib/i18n/translator";

export async function sendMagicLinkEmail(to: string, url: string, locale: Locale) {
  const t = getTranslator(locale, "auth.email");
  const host = new URL(url).host;
  await sendEmail({
    to,
    subject: t("subject", { host }),
    text: `${t("body", { host })}\n\n${url}\n\n${t("ignore")}`,
    html: `<p>${t("body", { host })}</p><p><a href="${url}">${t("button")}</a></p><p style="color:#555">${t("ignore")}</p>`,
  });
}
