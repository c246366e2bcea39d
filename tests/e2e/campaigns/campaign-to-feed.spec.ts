import { devices, expect, test, type Browser } from "@playwright/test";
import { toZonedInput } from "@/lib/calendar/zoned";
import { createMember, createOrg, unique } from "@/tests/factories";
import { CampaignPages, PostEditorPage, PostReviewPage } from "../pages/campaign-pages";
import { FeedPage } from "../pages/feed-page";
import { SignInPage } from "../pages/sign-in-page";
import { expectAccessible } from "../support/a11y";

// Each person on their own phone.
async function phoneOf(browser: Browser, email: string, callbackUrl: string) {
  const context = await browser.newContext({ ...devices["Pixel 7"], baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await new SignInPage(page).signInWithMagicLink(email, callbackUrl);
  return page;
}

test("a lead prepares a testimonial, another lead approves and schedules it, and it reaches an English-speaking staff member's feed at its time", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const org = await createOrg({ defaultLocale: "fr", timeZone: "America/Toronto" });
  const author = await createMember(org, { role: "lead", locale: "fr" });
  const reviewer = await createMember(org, { role: "lead", locale: "fr" });
  const staff = await createMember(org, { role: "staff", locale: "en" });
  const campaignName = unique("J'aime mon métier ");
  const campaignNameEn = unique("I love my job ");

  // The author: a campaign, a key moment, a testimonial in French and English.
  await new SignInPage(page).signInWithMagicLink(author.user.email, `/${org.slug}/campaigns`);
  await expect(page.getByRole("heading", { level: 1, name: "Campagnes" })).toBeVisible();
  await expectAccessible(page);
  const campaigns = new CampaignPages(page);
  await campaigns.createCampaign(org.slug, { name: campaignName, nameEn: campaignNameEn, hashtags: "#JaimeMonMétier", objective: { label: "Partages pendant les trois semaines", target: "300" } });
  await campaigns.addKeyMoment({ title: "Semaine 1 : les éducateurs", titleEn: "Week 1: educators", startsAt: toZonedInput(new Date(), "America/Toronto"), audience: "Tous les membres" });
  await expectAccessible(page);

  await page.getByRole("link", { name: "+ Publication pour ce moment" }).click();
  const editor = new PostEditorPage(page);
  await editor.chooseKind("Témoignage");
  await editor.fillTestimonial({ firstName: "Karima", jobTitle: "Coordinatrice éducative", quote: "J'aime mon métier fait de rencontres humaines." });
  await editor.fillVariant("Français", { title: "J'aime mon métier : Karima", x: "Karima, coordinatrice éducative, nous dit pourquoi elle aime son métier." });
  await editor.addHashtagTo("Français", "#JaimeMonMétier", "Texte pour X");
  await expect(editor.caption("Français", "Texte pour X")).toHaveValue(/#JaimeMonMétier$/);
  await editor.fillVariant("English", { title: "I love my job: Karima" });
  await expectAccessible(page);
  await editor.save();
  const postUrl = new URL(page.url()).pathname;

  const review = new PostReviewPage(page);
  await expect(page.getByRole("heading", { level: 1, name: "J'aime mon métier : Karima" })).toBeVisible();
  await expect(page.getByText("Un autre responsable de campagne doit approuver")).toHaveCount(0);
  await review.move("Soumettre pour révision", "En révision");
  await expect(page.getByRole("button", { name: "Approuver" })).toHaveCount(0);
  await expectAccessible(page);

  // Another lead approves it and schedules it a few seconds ahead.
  const reviewerPage = await phoneOf(browser, reviewer.user.email, postUrl);
  const reviewerReview = new PostReviewPage(reviewerPage);
  await reviewerReview.move("Approuver", "Approuvée");
  const publishAt = new Date(Date.now() + 20_000);
  await reviewerReview.setPublishTime(toZonedInput(publishAt, "America/Toronto"));
  await reviewerReview.move("Programmer", "Programmée");
  await expect(reviewerReview.timeline()).toContainText(`par ${reviewer.user.name}`);
  await expect(reviewerReview.timeline()).toContainText(`par ${author.user.name}`);

  // An English-speaking staff member sees it in English once its time has come.
  const staffPage = await phoneOf(browser, staff.user.email, `/${org.slug}`);
  const feed = new FeedPage(staffPage);
  await feed.expectOpen();
  await expect(feed.post("I love my job: Karima")).toHaveCount(0);
  await expect(async () => {
    await staffPage.reload();
    await expect(feed.post("I love my job: Karima")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 45_000, intervals: [1_000] });
  expect(Date.now()).toBeGreaterThanOrEqual(publishAt.getTime() - 1_000);
  await expect(staffPage.getByText("J'aime mon métier : Karima")).toHaveCount(0);
  // The campaign and its key moment in English too, as the lead typed them.
  await expect(feed.post("I love my job: Karima")).toContainText("Key moment: Week 1: educators");
  await expect(staffPage.getByRole("navigation", { name: "Filter the feed" }).getByRole("link", { name: campaignNameEn })).toBeVisible();
  await expect(staffPage.getByText(campaignName)).toHaveCount(0);
  await expectAccessible(staffPage);

  // And finds it in their inbox.
  await staffPage.goto(`/${org.slug}/notifications`);
  await expect(staffPage.getByRole("button", { name: /New post to share: I love my job: Karima/ })).toBeVisible();
  await expectAccessible(staffPage);
});

test("the calendar, the post list, suggestions and the suggestion form are usable on a phone", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const org = await createOrg({ defaultLocale: "fr" });
  const lead = await createMember(org, { role: "lead", locale: "fr" });
  const advocate = await createMember(org, { role: "advocate", locale: "fr" });

  // An advocate suggests a link.
  await new SignInPage(page).signInWithMagicLink(advocate.user.email, `/${org.slug}/suggest`);
  await expect(page.getByRole("heading", { level: 1, name: "Suggérer du contenu" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Lien (facultatif)").fill("https://www.exemple.org/blogue/metiers-du-social");
  await page.getByLabel("Votre note").fill("Un beau portrait d'une éducatrice");
  await page.getByRole("button", { name: "Envoyer la suggestion" }).click();
  await expect(page.getByRole("status")).toHaveText("Merci ! Votre suggestion a été transmise.");

  // A lead turns it into a draft, and looks at the calendar and the posts.
  const leadPage = await phoneOf(browser, lead.user.email, `/${org.slug}/suggestions`);
  await expectAccessible(leadPage);
  await leadPage.getByRole("button", { name: "En faire un brouillon" }).click();
  await expect(leadPage.getByRole("heading", { level: 1, name: "Modifier la publication" })).toBeVisible();
  await expect(new PostEditorPage(leadPage).panel("Français").getByLabel("Titre", { exact: true })).toHaveValue("Un beau portrait d'une éducatrice");

  for (const view of ["month", "week", "list"]) {
    await leadPage.goto(`/${org.slug}/campaigns/calendar?view=${view}`);
    await expect(leadPage.getByRole("heading", { level: 1, name: "Calendrier des campagnes" })).toBeVisible();
    await expectAccessible(leadPage);
  }
  await leadPage.goto(`/${org.slug}/posts?status=draft`);
  await expect(leadPage.getByRole("link", { name: "Un beau portrait d'une éducatrice" })).toBeVisible();
  await expectAccessible(leadPage);
});
