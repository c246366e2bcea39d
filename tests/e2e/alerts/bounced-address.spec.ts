import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { emailBounces } from "@/db/schema";
import { createMember, createOrg } from "@/tests/factories";
import { createCampaign, createKeyMoment } from "@/tests/integration/feed/fixtures";
import { SignInPage } from "../pages/sign-in-page";
import { expectAccessible } from "../support/a11y";

// What the notification sender recorded when mail to the member's address bounced for good.
async function bounced(userId: string, email: string) {
  await db.insert(emailBounces).values({ userId, email: email.toLowerCase(), reason: "bounce 5.1.1: 550 5.1.1 User unknown", bouncedAt: new Date("2026-11-20T15:00:00Z") });
}

test("a member whose address bounced reads why on their preferences page, in French, and asks for email again", async ({ page }) => {
  test.setTimeout(90_000);
  const org = await createOrg({ defaultLocale: "fr", timeZone: "America/Toronto" });
  const { user } = await createMember(org, { role: "advocate", locale: "fr" });
  await bounced(user.id, user.email);

  await new SignInPage(page).signInWithMagicLink(user.email, `/${org.slug}/preferences`);
  await page.goto(`/${org.slug}/preferences`);
  const notice = page.getByRole("status").filter({ hasText: user.email.toLowerCase() });
  await expect(notice).toContainText("n'ont pas pu être livrés (bounce 5.1.1: 550 5.1.1 User unknown)");
  await expect(notice).toContainText("20 novembre 2026");
  await expectAccessible(page);

  await page.getByRole("checkbox", { name: "Envoyer de nouveau des courriels à cette adresse" }).check();
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Enregistré.")).toBeVisible();
  await expect.poll(async () => (await db.select().from(emailBounces).where(eq(emailBounces.userId, user.id))).length).toBe(0);
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Envoyer de nouveau des courriels à cette adresse" })).toHaveCount(0);
});

test("an English-speaking lead reads the bounce notice in English, and sees English names on the campaign calendar", async ({ page }) => {
  test.setTimeout(90_000);
  const org = await createOrg({ defaultLocale: "fr", timeZone: "America/Toronto" });
  const { user } = await createMember(org, { role: "lead", locale: "en" });
  await bounced(user.id, user.email);
  const campaign = await createCampaign(org, { name: "Au-delà du travail décent", nameEn: "Beyond decent work" });
  await createKeyMoment(org, campaign.id, { title: "Audience en commission", titleEn: "Committee hearing", startsAt: new Date("2026-11-10T15:00:00Z") });

  await new SignInPage(page).signInWithMagicLink(user.email, `/${org.slug}/preferences`);
  await page.goto(`/${org.slug}/preferences`);
  await expect(page.getByRole("status").filter({ hasText: user.email.toLowerCase() })).toContainText("could not be delivered (bounce 5.1.1: 550 5.1.1 User unknown), so since November 20, 2026 Relais has stopped emailing this address");
  await expect(page.getByRole("checkbox", { name: "Send email to this address again" })).not.toBeChecked();

  await page.goto(`/${org.slug}/campaigns/calendar?view=list&date=2026-11-10`);
  const day = page.getByRole("region", { name: /November 10, 2026/ });
  await expect(day.getByRole("link", { name: "Committee hearing" })).toBeVisible();
  await expect(day).toContainText("Beyond decent work");
  await expect(page.getByText("Au-delà du travail décent")).toHaveCount(0);

  await page.goto(`/${org.slug}/campaigns/${campaign.id}/calendar?view=list&date=2026-11-10`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Beyond decent work");
  await expect(page.getByRole("link", { name: "Committee hearing" })).toBeVisible();
});
