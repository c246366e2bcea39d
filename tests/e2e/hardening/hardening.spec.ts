import { expect, test, type Page, type Response } from "@playwright/test";
import { createMember, createOrg, unique } from "@/tests/factories";
import { createInviteLink } from "@/tests/factories/invites";
import { SignInPage } from "../pages/sign-in-page";

// Attacks against the production server the test run starts (scripts/cli/test.ts): built with
// `next build`, started with server.ts, APP_URL set, no AUTH_URL. (A magic link asked for with
// forged Host / X-Forwarded-Host headers is tested on the action itself in
// tests/integration/hardening/public-url.test.ts: from a browser, Next already refuses a server
// action whose Origin and forwarded host disagree.)

function expectSecurityHeaders(response: Response | null, where: string) {
  expect(response, where).not.toBeNull();
  const headers = response!.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, where).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp, where).toContain("frame-ancestors 'none'");
  expect(csp, where).toContain("object-src 'none'");
  expect(headers["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], where).toContain("camera=()");
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  // Served over plain http here: no HSTS (browsers ignore it there anyway).
  expect(headers["strict-transport-security"], where).toBeUndefined();
}

// Collects what the browser reports about the page: CSP violations (the console and the
// securitypolicyviolation event), script errors and missing resources.
async function watchConsole(page: Page) {
  const problems: string[] = [];
  await page.exposeFunction("reportCspViolation", (text: string) => problems.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { reportCspViolation(t: string): void }).reportCspViolation(`${location.pathname} ${e.violatedDirective} ${e.blockedURI} ${e.sample} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`);
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  // A resource the page asks for that is missing (an icon, a script) is a broken page too.
  page.on("response", (response) => {
    if (response.status() === 404) problems.push(`404 ${new URL(response.url()).pathname}`);
  });
  return problems;
}

test("every page carries the security headers and runs without a CSP violation", async ({ page }) => {
  test.setTimeout(300_000);
  const problems = await watchConsole(page);
  const org = await createOrg();
  const { user } = await createMember(org, { role: "owner" });
  const link = await createInviteLink(org);

  for (const path of ["/sign-in", `/join/${link.code}`]) {
    // Pages keep a live-update stream open: "load" rather than network idle.
    expectSecurityHeaders(await page.goto(path, { waitUntil: "load" }), path);
  }

  await new SignInPage(page).signInWithMagicLink(user.email, `/${org.slug}`);
  const pages = [
    `/${org.slug}`,
    `/${org.slug}/members`,
    `/${org.slug}/members/import`,
    `/${org.slug}/groups`,
    `/${org.slug}/invites`,
    `/${org.slug}/settings`,
    `/${org.slug}/settings/integrations`,
    `/${org.slug}/campaigns`,
    `/${org.slug}/campaigns/new`,
    `/${org.slug}/campaigns/calendar`,
    `/${org.slug}/posts`,
    `/${org.slug}/posts/new`,
    `/${org.slug}/notifications`,
    `/${org.slug}/preferences`,
    `/${org.slug}/privacy`,
    `/${org.slug}/settings/privacy`,
    `/${org.slug}/settings/notifications`,
    `/${org.slug}/settings/analytics`,
    `/${org.slug}/alerts`,
    `/${org.slug}/alerts/new`,
    `/${org.slug}/contests`,
    `/${org.slug}/contests/new`,
    `/${org.slug}/analytics`,
    `/${org.slug}/impact`,
    `/${org.slug}/suggest`,
    `/${org.slug}/suggestions`,
    "/account",
    "/onboarding",
  ];
  for (const path of pages) {
    // Pages keep a live-update stream open: "load" rather than network idle.
    expectSecurityHeaders(await page.goto(path, { waitUntil: "load" }), path);
  }
  expect(problems).toEqual([]);
});

test("Relais cannot be framed by another site", async ({ page }) => {
  const response = await page.request.get("/sign-in");
  expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(response.headers()["x-frame-options"]).toBe("DENY");
});

test("Auth.js's own email sign-in endpoint is closed (the rate-limited form is the only way)", async ({ page }) => {
  const csrf = await (await page.request.get("/api/auth/csrf")).json();
  const response = await page.request.post("/api/auth/signin/nodemailer", { form: { email: `${unique("x-")}@example.test`, csrfToken: csrf.csrfToken } });
  expect(response.status()).toBe(404);
});

test("signed in, a callbackUrl pointing elsewhere sends the person home instead", async ({ page }) => {
  const org = await createOrg();
  const { user } = await createMember(org, { role: "owner" });
  await new SignInPage(page).signInWithMagicLink(user.email, `/${org.slug}`);
  for (const trick of ["/%5Cevil.example", "//evil.example", "/%09/evil.example", "https://evil.example"]) {
    const response = await page.request.get(`/sign-in?callbackUrl=${trick}`, { maxRedirects: 0 });
    expect(response.status(), trick).toBe(307);
    expect(response.headers().location, trick).toBe("/");
  }
});

test("magic-link requests for one email stop after a few, whatever X-Forwarded-For or our own address header say", async ({ page }) => {
  const email = `${unique("flood-")}@example.test`;
  for (let i = 0; i < 6; i++) {
    await page.setExtraHTTPHeaders({ "X-Forwarded-For": `203.0.113.${i + 1}`, "X-Relais-Client-Address": `198.51.100.${i + 1}` });
    await page.goto("/sign-in");
    await page.getByLabel(/adresse courriel|email address/i).fill(email);
    await page.getByRole("button", { name: /lien de connexion|sign-in link/i }).click();
    if (i < 5) await expect(page.getByRole("heading", { name: /consultez vos courriels|check your email/i })).toBeVisible();
  }
  await expect(page.getByText(/trop de tentatives|too many attempts/i)).toBeVisible();
});

test("a server action takes a small body only: the same request padded past 1 MB is refused", async ({ page }) => {
  // The browser's own request, captured as it leaves, then replayed.
  await page.goto("/sign-in");
  const sent = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
  await page.getByLabel(/adresse courriel|email address/i).fill(`${unique("limit-")}@example.test`);
  await page.getByRole("button", { name: /lien de connexion|sign-in link/i }).click();
  const request = await sent;
  const headers = Object.fromEntries(Object.entries(request.headers()).filter(([name]) => name !== "content-length"));
  const boundary = /boundary=(.+)$/.exec(headers["content-type"] ?? "")?.[1];
  expect(boundary, headers["content-type"]).toBeTruthy();
  const body = request.postDataBuffer()!.toString("latin1");
  const end = body.lastIndexOf(`--${boundary}--`);
  expect(end).toBeGreaterThan(0);
  const withPadding = (bytes: number) =>
    Buffer.from(`${body.slice(0, end)}--${boundary}\r\nContent-Disposition: form-data; name="padding"\r\n\r\n${"x".repeat(bytes)}\r\n${body.slice(end)}`, "latin1");
  const replay = (data: Buffer) => page.request.post(request.url(), { headers, data, maxRedirects: 0 });

  expect((await replay(withPadding(1000))).status()).toBeLessThan(400);
  const refused = await replay(withPadding(2 * 1024 * 1024));
  // Next refuses the body past its 1 MB default before the action runs (it answers a fetch
  // action's failure with 500; 413 should it ever say so).
  expect([413, 500]).toContain(refused.status());
});
