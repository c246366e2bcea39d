import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { contests, users } from "@/db/schema";
import { createMember, createOrg } from "@/tests/factories";
import { createCampaign, createFeedPost } from "@/tests/integration/feed/fixtures";
import { createRunningContest } from "@/tests/integration/contests/support";
import { ContestPage, ContestScreen } from "../pages/contest-pages";
import { ShareBar } from "../pages/share-page";
import { SignInPage } from "../pages/sign-in-page";
import { expectAccessible } from "../support/a11y";

test("a member shares during a contest and sees their rank change live on the big screen open in another page", async ({ page, context }) => {
  // Two browsers, a sign-in, a worker hop and four accessibility scans on a shared machine.
  test.setTimeout(180_000);
  const org = await createOrg({ defaultLocale: "en" });
  const campaign = await createCampaign(org);
  const post = await createFeedPost(org, { campaignId: campaign.id, variants: { en: { title: "The bill is in committee", body: "Make yourself heard.", captions: { linkedin: "The bill is heard today" } } } });
  const contest = await createRunningContest(org, { nameEn: "Hearings challenge", nameFr: "Défi des audiences" });
  const token = "e2eScreenToken0123456789ab";
  await db.update(contests).set({ screenToken: token }).where(eq(contests.id, contest.id));
  const { user } = await createMember(org, { role: "staff", locale: "en" });
  await db.update(users).set({ name: "Zoé Tremblay" }).where(eq(users.id, user.id));

  // The meeting room's screen, open before anyone scores, with no one signed in.
  const screenContext = await page.context().browser()!.newContext();
  const screenPage = await screenContext.newPage();
  const screen = new ContestScreen(screenPage);
  await screen.open(token);
  await expect(screenPage.getByText(/nobody has scored yet|personne n'a encore/i)).toBeVisible();
  await expectAccessible(screenPage);

  await context.route("https://www.linkedin.com/**", (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<title>LinkedIn</title>" }));
  await new SignInPage(page).signInWithMagicLink(user.email, `/${org.slug}/feed/${post.id}`);
  const member = new ContestPage(page);
  await member.goto(org.slug, contest.id);
  await expect(member.rank()).toHaveText("—");
  await expectAccessible(page);

  await page.goto(`/${org.slug}/feed/${post.id}`);
  const popup = context.waitForEvent("page");
  await new ShareBar(page).shareOn("LinkedIn");
  await popup;

  // No reload: the screen hears the board change (worker → Redis → server-sent events).
  await expect(screen.memberRow("Zoé Tremblay")).toContainText(/1\s*Zoé Tremblay\s*10/, { timeout: 30_000 });
  await member.goto(org.slug, contest.id);
  await expect(member.rank()).toHaveText("#1");
  await expect(member.points()).toHaveText("10");
  await screenContext.close();
});
