import { expect, test } from "@playwright/test";
import { unique } from "@/tests/factories";
import { SignInPage } from "../pages/sign-in-page";
import { expectAccessible } from "../support/a11y";

test("a new person signs in by magic link and creates an organisation", async ({ page }) => {
  const email = `${unique("lead-")}@example.test`;
  const signIn = new SignInPage(page);
  await signIn.goto();
  await expectAccessible(page);
  await signIn.signInWithMagicLink(email);

  await expect(page.getByRole("heading", { name: /créer une organisation|create an organisation/i })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(/nom de l'organisation|organisation name/i).fill("Réseau e2e");
  const slug = unique("reseau-");
  await page.getByLabel(/adresse web|web address/i).fill(slug);
  await page.getByRole("button", { name: /créer l'organisation|create the organisation/i }).click();
  await expect(page).toHaveURL(new RegExp(`/${slug}$`));
  await expect(page.getByRole("heading", { name: /^(fil|feed)$/i })).toBeVisible();
});
