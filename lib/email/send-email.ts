import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

export type Email = { to: string; subject: string; text: string; html?: string; replyTo?: string; headers?: Record<string, string> };

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
  await transport.sendMail({ from: env().EMAIL_FROM, ...email });
}
