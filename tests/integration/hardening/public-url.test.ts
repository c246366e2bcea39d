import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { requestMagicLinkAction } from "@/lib/auth/actions";
import { parseEnv } from "@/lib/env";
import { unique } from "@/tests/factories";
import { form, until, useSmtp } from "@/tests/integration/invitations/support";
import { actAs, setRequestHeader } from "@/tests/setup/request-context";

const smtp = await useSmtp();

describe("magic links", () => {
  it("point at APP_URL whatever Host and X-Forwarded-Host say", async () => {
    const email = `${unique("victim-")}@example.test`;
    await actAs(null);
    setRequestHeader("host", "evil.example");
    setRequestHeader("x-forwarded-host", "attacker.example");
    setRequestHeader("x-forwarded-proto", "https");
    // Accepted, the action redirects to the "check your email" page.
    await expect(requestMagicLinkAction(undefined, form({ email }))).rejects.toThrow(/NEXT_REDIRECT/);
    const [mail] = await until(async () => smtp.to(email), (m) => m.length > 0);
    const links = (mail.text ?? "").match(/https?:\/\/\S+/g) ?? [];
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(new URL(link).origin).toBe(process.env.APP_URL);
    expect(mail.text).not.toMatch(/evil\.example|attacker\.example/);
  });
});

const production = { NODE_ENV: "production", DATABASE_URL: "postgres://relais@127.0.0.1/relais" } as const;
const strongSecret = "k3Jf9s0dPq1lZx8vB7nM2cR5tY6uW4eA";

describe("a production start", () => {
  it("is refused without APP_URL, naming it", () => {
    expect(() => parseEnv({ ...production, AUTH_SECRET: strongSecret })).toThrow(/APP_URL/);
  });

  it("is refused without AUTH_SECRET, naming it", () => {
    expect(() => parseEnv({ ...production, APP_URL: "https://relais.example.org" })).toThrow(/AUTH_SECRET/);
  });

  it.each([["change-me-32-random-bytes"], ["short"], ["change-me-change-me-change-me-change-me"]])("is refused with the secret %s", (secret) => {
    expect(() => parseEnv({ ...production, APP_URL: "https://relais.example.org", AUTH_SECRET: secret })).toThrow(/AUTH_SECRET/);
  });

  it("is accepted with APP_URL and a real secret", () => {
    expect(parseEnv({ ...production, APP_URL: "https://relais.example.org/", AUTH_SECRET: strongSecret }).APP_URL).toBe("https://relais.example.org");
  });

  it.each([["server.ts"], ["workers/index.ts"], ["redirect-server.ts"]])("of %s stops at once with a message naming the missing setting", async (script) => {
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, ...production, REDIS_URL: process.env.REDIS_URL, QUEUE_PREFIX: process.env.QUEUE_PREFIX, PORT: "0", REDIRECT_PORT: "0" };
    const child = spawn("node_modules/.bin/tsx", [script], { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
    expect(output).toMatch(/APP_URL/);
    expect(output).toMatch(/AUTH_SECRET/);
  }, 60_000);
});
