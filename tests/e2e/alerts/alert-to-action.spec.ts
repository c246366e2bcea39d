import { devices, expect, test } from "@playwright/test";
import { addToGroup, createGroup, createMember, createOrg } from "@/tests/factories";
import { createFeedPost } from "@/tests/integration/feed/fixtures";
import { AlertComposerPage, AlertLivePage, MemberAlertPage } from "../pages/alerts-page";
import { FeedPage } from "../pages/feed-page";
import { ShareBar } from "../pages/share-page";
import { SignInPage } from "../pages/sign-in-page";
import { expectAccessible } from "../support/a11y";

test("a lead sends an alert to a group; a member acts on it from the top of their feed on a phone, and the lead's live view counts it without a reload", async ({ page, browser }) => {
  // Three sign-ins through real email, a fan-out by the workers and axe checks: a long journey.
  test.setTimeout(180_000);
  const org = await createOrg({ defaultLocale: "en" });
  const post = await createFeedPost(org, { variants: { en: { title: "Bill 31: write to your MNA", body: "Two minutes, one letter." } } });
  const group = await createGroup(org, "Montreal social workers");
  const { user: lead } = await createMember(org, { role: "lead", locale: "en" });
  const { user: member, membership } = await createMember(org, { role: "staff", locale: "en" });
  await addToGroup(org, group.id, membership.id);
  // Someone outside the group: the alert is not for them.
  const { user: outsider } = await createMember(org, { role: "staff", locale: "en" });

  // The lead composes the alert on their phone and lands on its live view.
  await new SignInPage(page).signInWithMagicLink(lead.email, `/${org.slug}/alerts/new`);
  const composer = new AlertComposerPage(page);
  await composer.goto(org.slug);
  await composer.fillTexts({
    titleFr: "Le projet de loi 31 passe demain",
    titleEn: "Bill 31 is voted tomorrow",
    messageFr: "Écrivez à votre député aujourd'hui.",
    messageEn: "Write to your MNA today.",
  });
  await composer.toGroup("Montreal social workers");
  await composer.onlyInApp();
  await composer.askToEmail({
    subject: "Please vote against Bill 31",
    body: "Dear MNA,\n\nPlease vote against Bill 31.",
    targets: "Marie Tremblay,MNA for Laurier-Dorion,marie.tremblay@assnat.example,,Laurier-Dorion",
  });
  await composer.askToShare("Bill 31: write to your MNA");
  await expectAccessible(page);
  await composer.send();
  await expect(page).toHaveURL(new RegExp(`/${org.slug}/alerts/alr_[0-9a-z]+/live$`));
  await expect(page.getByRole("heading", { level: 1, name: "Bill 31 is voted tomorrow" })).toBeVisible();
  const live = new AlertLivePage(page);
  await expect(live.connected()).toBeVisible();
  await expect(live.acted("email")).toHaveText("0");
  await expect(live.acted("share")).toHaveText("0");
  await expectAccessible(page);
  const alertUrl = new URL(page.url()).pathname.replace(/\/live$/, "");

  // The member, on their own phone, finds the alert above the posts of their feed.
  const memberContext = await browser.newContext({ ...devices["Pixel 7"], baseURL: new URL(page.url()).origin });
  // LinkedIn is never reached: the share dialog is answered locally.
  await memberContext.route("https://www.linkedin.com/**", (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<title>LinkedIn</title>" }));
  const phone = await memberContext.newPage();
  await new SignInPage(phone).signInWithMagicLink(member.email, `/${org.slug}`);
  const feed = new FeedPage(phone);
  await feed.expectOpen();
  const openAlerts = phone.getByRole("region", { name: "Act now" });
  // The workers fan the alert out a moment after it is sent.
  await expect(async () => {
    await phone.reload();
    await expect(openAlerts.getByRole("heading", { name: "Bill 31 is voted tomorrow" })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  // At the top: the open alerts come before the first post.
  const alertBox = await openAlerts.boundingBox();
  const postBox = await feed.post("Bill 31: write to your MNA").boundingBox();
  expect(alertBox!.y).toBeLessThan(postBox!.y);
  await expectAccessible(phone);

  await openAlerts.getByRole("link", { name: "Act now" }).click();
  await expect(phone).toHaveURL(new RegExp(`${alertUrl}$`));
  await expect(phone.getByRole("heading", { level: 1, name: "Bill 31 is voted tomorrow" })).toBeVisible();
  await expectAccessible(phone);

  // The letter: addressed to the representative, opened in the member's mail app, then "I sent it".
  const alertPage = new MemberAlertPage(phone);
  const letter = alertPage.action("Email your representative");
  await expect(letter).toContainText("Marie Tremblay, MNA for Laurier-Dorion");
  await expect(letter.getByLabel("Your letter")).toHaveValue(/Please vote against Bill 31\./);
  const mailto = new URL((await letter.getByRole("link", { name: "Open in my mail app" }).getAttribute("href"))!);
  expect(mailto.protocol).toBe("mailto:");
  expect(decodeURIComponent(mailto.pathname)).toBe("marie.tremblay@assnat.example");
  expect(mailto.searchParams.get("subject")).toBe("Please vote against Bill 31");
  await letter.getByRole("button", { name: "I sent it" }).click();
  await expect(letter.getByText("Done")).toBeVisible();

  // The lead's page, open all along, counts the letter without a reload.
  await expect(live.acted("email")).toHaveText("1", { timeout: 15_000 });
  await expect(live.acted("share")).toHaveText("0");

  // The share: the post's share button, then the alert marks itself done.
  const share = alertPage.action("Share the post");
  const popup = memberContext.waitForEvent("page");
  await new ShareBar(phone).shareOn("LinkedIn");
  await popup;
  await expect(live.acted("share")).toHaveText("1", { timeout: 30_000 });
  await expect(async () => {
    await phone.reload();
    await expect(share.getByText("Done")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(phone.getByRole("status").filter({ hasText: "Thank you: every action is done." })).toBeVisible();
  await expectAccessible(phone);

  // Done: the alert leaves the top of the member's feed.
  await phone.goto(`/${org.slug}`);
  await feed.expectOpen();
  await expect(openAlerts).toHaveCount(0);
  await memberContext.close();

  // The member outside the group never sees it.
  const otherContext = await browser.newContext({ ...devices["Pixel 7"], baseURL: new URL(page.url()).origin });
  const other = await otherContext.newPage();
  await new SignInPage(other).signInWithMagicLink(outsider.email, `/${org.slug}`);
  await new FeedPage(other).expectOpen();
  await expect(other.getByRole("region", { name: "Act now" })).toHaveCount(0);
  await otherContext.close();
});
