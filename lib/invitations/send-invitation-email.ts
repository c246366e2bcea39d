import escapeHtml from "escape-html";
import type { Locale } from "@/db/schema/enums";
import type { InviteRole } from "@/db/schema/invitations";
import { sendEmail } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import { getTranslator } from "@/lib/i18n/translator";

export type InvitationEmail = { to: string; token: string; orgName: string; inviterName: string | null; role: InviteRole; expiresAt: Date; locale: Locale };

export async function sendInvitationEmail(mail: InvitationEmail) {
  const t = getTranslator(mail.locale, "invites.email");
  const url = new URL(`/join/invitation/${mail.token}`, env().APP_URL).toString();
  const expires = new Intl.DateTimeFormat(mail.locale === "fr" ? "fr-CA" : "en-CA", { dateStyle: "long" }).format(mail.expiresAt);
  const intro = mail.inviterName
    ? t("intro_with_inviter", { inviter: mail.inviterName, org: mail.orgName, role: mail.role })
    : t("intro", { org: mail.orgName, role: mail.role });
  const values = { org: mail.orgName, date: expires };
  await sendEmail({
    to: mail.to,
    subject: t("subject", { org: mail.orgName }),
    text: `${intro}\n\n${t("what")}\n\n${url}\n\n${t("expires", { date: expires })}\n${t("ignore")}`,
    html: [
      `<p>${escapeHtml(intro)}</p>`,
      `<p>${escapeHtml(t("what"))}</p>`,
      `<p><a href="${escapeHtml(url)}">${escapeHtml(t("button", values))}</a></p>`,
      `<p style="color:#555">${escapeHtml(t("expires", values))}<br>${escapeHtml(t("ignore"))}</p>`,
    ].join("\n"),
  });
}
