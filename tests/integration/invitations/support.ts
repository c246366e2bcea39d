import { SMTPServer } from "smtp-server";
import { afterAll } from "vitest";
import { simpleParser, type ParsedMail } from "mailparser";

export function form(values: Record<string, string | number | string[] | undefined>) {
  const f = new FormData();
  for (const [key, value] of Object.entries(values)) {
    if (Array.isArray(value)) for (const v of value) f.append(`${key}[]`, v);
    else if (value !== undefined) f.set(key, String(value));
  }
  return f;
}

// A real SMTP server on a free port, keeping what it receives in memory: each parsed mail,
// the envelope sender it came with, and every recipient it was offered. `refuse` turns a
// recipient away at RCPT TO with a 550, as a mailbox that does not exist.
export async function startSmtp(options: { refuse?: (address: string) => boolean } = {}) {
  const inbox: ParsedMail[] = [];
  const envelopeFrom = new Map<ParsedMail, string>();
  const offered: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onRcptTo(address, _session, callback) {
      const recipient = address.address.toLowerCase();
      offered.push(recipient);
      if (options.refuse?.(recipient)) return callback(Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected: User unknown`), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          envelopeFrom.set(mail, session.envelope.mailFrom ? session.envelope.mailFrom.address : "");
          inbox.push(mail);
        })
        .finally(() => callback());
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    inbox,
    envelopeFrom,
    to: (address: string) => inbox.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((t) => t?.text.toLowerCase().includes(address.toLowerCase()))),
    offersTo: (address: string) => offered.filter((a) => a === address.toLowerCase()).length,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// startSmtp for a whole test file (call it with a top-level await): the app sends to it
// (lib/env reads SMTP_URL on first use, after this), and it closes after the file.
export async function useSmtp(options: Parameters<typeof startSmtp>[0] = {}) {
  const smtp = await startSmtp(options);
  process.env.SMTP_URL = smtp.url;
  afterAll(() => smtp.close());
  return smtp;
}

export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms (last value: ${JSON.stringify(value)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// Where a server action or route handler redirected to (Next's redirect() throws).
export async function redirectTarget(run: Promise<unknown>) {
  try {
    await run;
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT;")) return digest.split(";").slice(2, -2).join(";");
    throw error;
  }
  throw new Error("Expected a redirect");
}

export { waitForJob } from "@/tests/setup/jobs";
