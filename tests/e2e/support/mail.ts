import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";

const mailDir = () => process.env.E2E_MAIL_DIR ?? path.resolve("test-results/mail");

export async function waitForEmail(to: string, options: { timeoutMs?: number; subject?: RegExp } = {}) {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  const address = to.toLowerCase();
  while (Date.now() < deadline) {
    const files = fs.existsSync(mailDir()) ? fs.readdirSync(mailDir()).filter((f) => f.endsWith(`-${address}.eml`)).sort().reverse() : [];
    for (const file of files) {
      const mail = await simpleParser(fs.readFileSync(path.join(mailDir(), file)));
      if (!options.subject || options.subject.test(mail.subject ?? "")) return mail;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`No email to ${to} within the time limit`);
}

export function firstLink(text: string, pattern: RegExp = /https?:\/\/\S+/) {
  const match = text.match(pattern);
  if (!match) throw new Error("No link in the email");
  return match[0];
}
