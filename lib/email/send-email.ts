import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

export type Email = { to: string; subject: string; text: string; html?: string; replyTo?: string; headers?: Record<string, string>; messageId?: string };

let transporter: Transporter | undefined;

function getTransporter() {
  const url = env().SMTP_URL;
  if (!url) return undefined;
  transporter ??= nodemailer.createTransport(url);
  return transporter;
}

// Without SMTP configured (a laptop demo), mail goes to the server log so sign-in still works.
export async function sendEmail(email: Email) {
  const transport = getTransporter();
  if (!transport) {
    console.info(`[email] to=${email.to} subject="${email.subject}"\n${email.text}\n`);
    return;
  }
  const { EMAIL_FROM, EMAIL_BOUNCE_ADDRESS } = env();
  // Bounce reports go to EMAIL_BOUNCE_ADDRESS when set (the envelope sender), not to From.
  await transport.sendMail({ from: EMAIL_FROM, ...(EMAIL_BOUNCE_ADDRESS ? { envelope: { from: EMAIL_BOUNCE_ADDRESS, to: email.to } } : {}), ...email });
}
