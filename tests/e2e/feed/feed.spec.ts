import { expect, test } from "@playwright/test";
import { createMember, createOrg } from "@/tests/factories";
import { createCampaign, createFeedPost, createKeyMoment } from "@/tests/integration/feed/fixtures";
import { FeedPage, FeedPostPage } from "../pages/feed-page";
import { SignInPage } from "../pages/sign-in-page";
import { expectAccessible } from "../support/a11y";

test("a staff member reads a published post in their language and opens its captions", async ({ page }) => {
  const org = await createOrg({ defaultLocale: "fr" });
  const campaign = await createCampaign(org, { name: "Projet de loi 31" });
  const hearing = await createKeyMoment(org, campaign.id, { title: "Audience en commission", startsAt: new Date(Date.now() - 3600_000), endsAt: new Date(Date.now() + 86_400_000) });
  await createFeedPost(org, {
    campaignId: campaign.id,
    keyMomentId: hearing.id,
    pinned: true,
    hashtags: ["#PL31"],
    variants: {
      fr: { title: "Le projet de loi 31 est en commission", body: "C'est maintenant que ça se joue.", captions: { linkedin: "Texte LinkedIn", x: "Texte X" } },
      en: { title: "Bill 31 is in committee", body: "This is the moment.", captions: { linkedin: "Write to your MNA today. #PL31", x: "Two minutes to write to your MNA. #PL31" } },
    },
  });
  await createFeedPost(org, { status: "draft", publishedAt: null, variants: { en: { title: "A draft nobody sees yet" } } });
  const { user } = await createMember(org, { role: "staff", locale: "en" });

  await new SignInPage(page).signInWithMagicLink(user.email, `/${org.slug}`);
  const feed = new FeedPage(page);
  await feed.expectOpen();
  await expect(feed.posts()).toHaveCount(1);
  await expect(feed.post("Bill 31 is in committee")).toContainText("Key moment: Audience en commission · Happening now");
  await expect(feed.post("Bill 31 is in committee")).toContainText("Pinned");
  await expectAccessible(page);

  await feed.openPost("Bill 31 is in committee");
  const post = new FeedPostPage(page);
  await expect(post.captions()).toContainText("Write to your MNA today. #PL31");
  await post.openCaption("X");
  await expect(post.captions().getByText("Two minutes to write to your MNA. #PL31")).toBeVisible();
  await expect(page.getByRole("region", { name: "Key moment" })).toContainText("Audience en commission");
  await expectAccessible(page);
});

test("scrolling to the end of the feed loads the next posts", async ({ page }) => {
  const org = await createOrg();
  for (let i = 0; i < 23; i++) await createFeedPost(org, { publishedAt: new Date(Date.now() - (i + 1) * 60_000), variants: { fr: { title: `Publication numéro ${i + 1}` } } });
  const { user } = await createMember(org, { role: "advocate", locale: "fr" });

  await new SignInPage(page).signInWithMagicLink(user.email, `/${org.slug}`);
  const feed = new FeedPage(page);
  await feed.expectOpen();
  await expect(feed.posts()).toHaveCount(20);
  await feed.scrollToLoadMore();
  await expect(feed.posts()).toHaveCount(23);
  await expect(feed.post("Publication numéro 23")).toBeVisible();
  await expect(page.getByText("Vous avez tout vu. Revenez bientôt!")).toBeVisible();
});
