import { devices, expect, test } from "@playwright/test";
import { createMember, createOrg } from "@/tests/factories";
import { createCampaign, createFeedPost } from "@/tests/integration/feed/fixtures";
import { ImpactPage, ShareBar } from "../pages/share-page";
import { SignInPage } from "../pages/sign-in-page";
import { expectAccessible } from "../support/a11y";

test("a staff member shares a post on LinkedIn, a visitor clicks the tracked link, and the member sees the share and the click", async ({ page, context, browser, baseURL }) => {
  const org = await createOrg({ defaultLocale: "en" });
  const campaign = await createCampaign(org, { slug: "beyond-decent-work" });
  // The destination is a page of this app (no internet here): another post's public page.
  const landing = await createFeedPost(org, { variants: { en: { title: "Why social work matters", body: "Read the full story." } } });
  const post = await createFeedPost(org, {
    campaignId: campaign.id,
    linkUrl: `${baseURL}/p/${landing.id}?from=relais`,
    variants: { en: { title: "I love my job because…", body: "A testimonial.", captions: { linkedin: "Proud of my profession #BeyondDecentWork" } } },
  });
  const { user } = await createMember(org, { role: "staff", locale: "en" });

  // LinkedIn is never reached: the share dialog's request is caught and answered locally.
  let dialogUrl: URL | undefined;
  await context.route("https://www.linkedin.com/**", async (route) => {
    dialogUrl = new URL(route.request().url());
    await route.fulfill({ status: 200, contentType: "text/html", body: "<title>LinkedIn</title>" });
  });

  await new SignInPage(page).signInWithMagicLink(user.email, `/${org.slug}/feed/${post.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "I love my job because…" })).toBeVisible();
  const popup = context.waitForEvent("page");
  await new ShareBar(page).shareOn("LinkedIn");
  await popup;
  await expect.poll(() => dialogUrl?.toString()).toBeDefined();
  expect(dialogUrl!.origin + dialogUrl!.pathname).toBe("https://www.linkedin.com/feed/");
  const text = dialogUrl!.searchParams.get("text")!;
  expect(text.startsWith("Proud of my profession #BeyondDecentWork\n\n")).toBe(true);
  const trackedLink = text.split("\n\n")[1];
  expect(trackedLink).toMatch(new RegExp(`^${baseURL}/l/[0-9A-Za-z]{10}$`));

  // Someone on their phone, not signed in, opens the link shared on LinkedIn.
  const visitor = await browser.newContext({ ...devices["Pixel 7"] });
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(trackedLink);
  const landed = new URL(visitorPage.url());
  expect(landed.pathname).toBe(`/p/${landing.id}`);
  expect(Object.fromEntries(landed.searchParams)).toEqual({
    from: "relais",
    utm_source: "linkedin",
    utm_medium: "advocacy",
    utm_campaign: "beyond-decent-work",
    utm_content: post.id,
  });
  await expect(visitorPage.getByRole("heading", { level: 1, name: "Why social work matters" })).toBeVisible();
  await expectAccessible(visitorPage);
  await visitor.close();

  // Clicks are written by the worker a moment later.
  const impact = new ImpactPage(page);
  await expect(async () => {
    await impact.goto(org.slug);
    await expect(impact.total(/^shares$/i)).toHaveText("1");
    await expect(impact.total(/^clicks$/i)).toHaveText("1", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(impact.shares()).toHaveCount(1);
  await expect(impact.shares().first()).toContainText("I love my job because…");
  await expect(impact.shares().first()).toContainText("1 click");
  await expectAccessible(page);
});
