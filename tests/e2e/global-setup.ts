import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";

// A real SMTP server that stores each message as a file the tests read, and the real
// workers, both for the whole run.
export default async function globalSetup() {
  const mailDir = process.env.E2E_MAIL_DIR ?? path.resolve("test-results/mail");
  fs.mkdirSync(mailDir, { recursive: true });
  let counter = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase()).join(",");
        fs.writeFileSync(path.join(mailDir, `${Date.now()}-${counter++}-${to}.eml`), Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(Number(process.env.E2E_SMTP_PORT ?? 2525), "127.0.0.1", resolve));

  const worker = spawn("node_modules/.bin/tsx", ["workers/index.ts"], { env: process.env, stdio: ["ignore", "ignore", "inherit"] });

  return async () => {
    worker.kill("SIGTERM");
    await new Promise((r) => (worker.exitCode !== null ? r(null) : worker.once("exit", r)));
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  };
}
