import { expect, test } from "@playwright/test";
import { createMember, createOrg, createUser } from "@/tests/factories";
import { SignInPage } from "../pages/sign-in-page";
import { WorkspaceHeader } from "../pages/workspace-header";
import { expectAccessible } from "../support/a11y";

test("an owner switches organisation", async ({ page }) => {
  const user = await createUser();
  const first = await createOrg({ name: "Réseau Première" });
  const second = await createOrg({ name: "Ordre Seconde", brandColor: "#ffd200" });
  await createMember(first, { role: "owner", user });
  await createMember(second, { role: "owner", user });
  await createMember(second, { role: "advocate" });
  await new SignInPage(page).signInWithMagicLink(user.email, `/${first.slug}`);

  const header = new WorkspaceHeader(page);
  await header.expectCurrentOrganisation("Réseau Première");
  await header.openSwitcherWithKeyboard();
  await expectAccessible(page);
  await page.keyboard.press("Escape");
  await expect(header.organisationLink(/Ordre Seconde/)).toBeHidden();
  await expect(header.switcher).toBeFocused();

  await header.switchTo("Ordre Seconde");
  await expect(page).toHaveURL(new RegExp(`/${second.slug}$`));
  await header.expectCurrentOrganisation("Ordre Seconde");

  // The workspace the owner landed in: its members and settings pages.
  await page.goto(`/${second.slug}/members`);
  await expect(page.getByRole("heading", { level: 1, name: /^(membres|members)$/i })).toBeVisible();
  await expect(page.getByRole("list", { name: /liste des membres|member list/i }).getByRole("listitem")).toHaveCount(2);
  await expectAccessible(page);

  await page.goto(`/${second.slug}/settings`);
  await expect(page.getByRole("heading", { level: 1, name: /paramètres de l'organisation|organisation settings/i })).toBeVisible();
  await expect(page.getByLabel(/^(nom de l'organisation|organisation name)$/i)).toHaveValue("Ordre Seconde");
  await expectAccessible(page);
});
