import { expect, test } from "@playwright/test";
import { db } from "@/db/client";
import { clicks, shares, trackedLinks } from "@/db/schema";
import { rebuildRollups } from "@/lib/analytics/rollup";
import { createMember, createOrg, unique } from "@/tests/factories";
import { createCampaign, createFeedPost } from "@/tests/integration/feed/fixtures";
import { ReportPage } from "../pages/report-page";
import { SignInPage } from "../pages/sign-in-page";
import { expectAccessible } from "../support/a11y";

test("a lead reads a campaign's report, its table view, prints it to PDF and shares a read-only link someone opens signed out", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const org = await createOrg({ defaultLocale: "en", timeZone: "America/Montreal" });
  const campaign = await createCampaign(org, {
    name: "Au-delà du travail décent",
    nameEn: "Beyond decent work",
    startsAt: new Date(Date.now() - 3 * 86_400_000),
    objectives: [{ label: "Human clicks", metric: "clicks", target: 10 }],
  });
  const post = await createFeedPost(org, { campaignId: campaign.id, variants: { en: { title: "I love my job because…", body: "A testimonial." } } });
  const { user } = await createMember(org, { role: "lead", locale: "en" });
  const sharers = [await createMember(org, { role: "staff" }), await createMember(org, { role: "staff" })];
  // Two members shared (one twice); five people clicked, three link previews and one repeat were kept, not counted.
  const links = await db
    .insert(trackedLinks)
    .values(sharers.map((s) => ({ organizationId: org.id, code: unique("c"), membershipId: s.membership.id, postId: post.id, network: "linkedin" as const })))
    .returning();
  await db.insert(shares).values([links[0], links[0], links[1]].map((l) => ({ organizationId: org.id, membershipId: l.membershipId, postId: post.id, network: l.network, linkId: l.id })));
  const at = new Date(Date.now() - 3600_000);
  const reasons = [null, null, null, null, null, "preview", "preview", "preview", "repeat"] as const;
  await db.insert(clicks).values(
    reasons.map((filterReason, i) => ({
      id: unique("e2e-"),
      organizationId: org.id,
      linkId: links[i % 2].id,
      postId: post.id,
      campaignId: campaign.id,
      membershipId: links[i % 2].membershipId,
      network: "linkedin" as const,
      clickedAt: at,
      visitorHash: `v${i}`,
      isUnique: filterReason === null,
      filterReason,
      deviceClass: "mobile" as const,
    })),
  );
  await rebuildRollups(org.id);

  await new SignInPage(page).signInWithMagicLink(user.email, `/${org.slug}/campaigns/${campaign.id}/report`);
  const report = new ReportPage(page);
  await report.goto(org.slug, campaign.id);
  // An English-speaking lead reads the English name the lead typed.
  await expect(page.getByRole("heading", { level: 1, name: "Report: Beyond decent work" })).toBeVisible();
  await expect(report.figure("shares")).toHaveText("3");
  await expect(report.figure("clicks")).toHaveText("5");
  await expect(report.figure("uniqueClicks")).toHaveText("5");
  await expect(report.filteredSentence()).toHaveText("5 human clicks; 4 filtered (3 link previews, 1 repeat).");
  await expect(page.getByText("Human clicks — 5 of 10 (50 %)")).toBeVisible();
  await expectAccessible(page);

  const table = await report.showTable(/over time/i);
  await expect(table).toBeVisible();
  await expect(table.getByRole("row").nth(1)).toContainText("5");

  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdf.length).toBeGreaterThan(10_000);
  await page.emulateMedia({ media: "screen" });

  const path = await report.createShareLink();
  expect(path).toMatch(/^\/r\/[A-Za-z0-9_-]{20,}$/);
  const outsider = await browser.newContext({ locale: "en-US" });
  const outsiderPage = await outsider.newPage();
  await outsiderPage.goto(path);
  await expect(outsiderPage.getByRole("heading", { level: 1, name: "Report: Beyond decent work" })).toBeVisible();
  await expect(outsiderPage.locator('[data-figure="clicks"] dd').first()).toHaveText("5");
  await expect(outsiderPage.getByRole("link", { name: /download/i })).toHaveCount(0);
  await outsider.close();
  // The shared report is in its viewer's language, not the workspace's (English here).
  const frenchOutsider = await browser.newContext({ locale: "fr-FR" });
  const frenchPage = await frenchOutsider.newPage();
  await frenchPage.goto(path);
  await expect(frenchPage.getByRole("heading", { level: 1, name: "Bilan : Au-delà du travail décent" })).toBeVisible();
  await frenchOutsider.close();
});
