import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import { expect, test } from "@playwright/test";
import { unique } from "@/tests/factories";
import { firstLink, waitForEmail } from "../support/mail";

async function freePort() {
  return new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

let web: ChildProcess | undefined;
let output = "";

test.afterAll(async () => {
  if (!web || web.exitCode !== null) return;
  const exited = new Promise((r) => web!.once("exit", r));
  web.kill("SIGTERM");
  await exited;
});

// The README's production start: `npm start` on the build, with only the settings the README
// lists (no NODE_ENV, no AUTH_URL, no demo flags), then a sign-in by email through the real
// SMTP server the suite runs.
test("npm start with the README's settings signs a person in by email", async ({ page }) => {
  test.setTimeout(180_000);
  const port = await freePort();
  const appUrl = `http://localhost:${port}`;
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: process.env.DATABASE_URL,
    REDIS_URL: process.env.REDIS_URL,
    QUEUE_PREFIX: process.env.QUEUE_PREFIX,
    APP_URL: appUrl,
    AUTH_SECRET: randomBytes(32).toString("base64"),
    SMTP_URL: process.env.SMTP_URL,
    EMAIL_FROM: "Relais <no-reply@relais.test>",
    TRUSTED_PROXIES: "1",
    AUTH_DEV_LOGIN: "0",
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  web = spawn("npm", ["start"], { env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"], detached: false });
  web.stdout?.on("data", (d) => (output += d));
  web.stderr?.on("data", (d) => (output += d));
  await expect
    .poll(async () => (await fetch(`${appUrl}/sign-in`).then((r) => r.status).catch(() => 0)), { timeout: 120_000, message: `npm start did not answer:\n${output}` })
    .toBe(200);

  const email = `${unique("prod-")}@example.test`;
  await page.goto(`${appUrl}/sign-in`);
  // AUTH_DEV_LOGIN=0: no demo people to pick.
  await expect(page.getByRole("heading", { name: /connexion de développement|development sign-in/i })).toHaveCount(0);
  await page.getByLabel(/adresse courriel|email address/i).fill(email);
  await page.getByRole("button", { name: /lien de connexion|sign-in link/i }).click();
  await expect(page.getByRole("heading", { name: /consultez vos courriels|check your email/i })).toBeVisible();
  const mail = await waitForEmail(email);
  const link = firstLink(mail.text ?? "", /https?:\/\/\S+\/api\/auth\/callback\/nodemailer\S+/);
  expect(new URL(link).origin).toBe(appUrl);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: /créer une organisation|create an organisation/i })).toBeVisible();
});
