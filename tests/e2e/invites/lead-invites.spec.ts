import { expect, test } from "@playwright/test";
import { createGroup, createMember, createOrg } from "@/tests/factories";
import { ImportPage } from "../pages/import-page";
import { InvitesPage } from "../pages/invites-page";
import { SignInPage } from "../pages/sign-in-page";
import { expectAccessible } from "../support/a11y";

test("a lead creates an invite link", async ({ page }) => {
  const org = await createOrg();
  await createGroup(org, "Montréal");
  await createGroup(org, "Éducateurs");
  const { user } = await createMember(org, { role: "lead", locale: "fr" });
  await new SignInPage(page).signInWithMagicLink(user.email, `/${org.slug}/invites`);

  const invites = new InvitesPage(page);
  await invites.expectOpen();
  await expectAccessible(page);

  await invites.createLink({ role: "advocate", groups: ["Éducateurs"], maxUses: 25, label: "Table ronde du 12 février" });
  const link = invites.link("Table ronde du 12 février");
  await expect(link).toContainText("0 utilisation sur 25");
  await expect(link).toContainText("Groupes : Éducateurs");
  await expectAccessible(page);

  const qr = await link.getByRole("link", { name: "Code QR (SVG)" }).getAttribute("href");
  const response = await page.request.get(qr!);
  expect(response.headers()["content-type"]).toBe("image/svg+xml");
  expect(await response.text()).toContain("<svg");
});

test("a lead imports a CSV of advocates and sees its progress after a reload", async ({ page }) => {
  const org = await createOrg();
  const { user } = await createMember(org, { role: "lead", locale: "fr" });
  await new SignInPage(page).signInWithMagicLink(user.email, `/${org.slug}/members/import`);

  const importPage = new ImportPage(page);
  await importPage.goto(org.slug);
  await expectAccessible(page);

  const csv = `Courriel;Prénom;Nom;Langue;Groupes\r\nlea.${org.slug}@exemple.org;Léa;Côté;fr;Montréal\r\npas-une-adresse;Jules;Roy;fr;\r\n`;
  await importPage.upload("membres.csv", Buffer.from(csv, "latin1"));
  await page.reload();
  await importPage.expectFinished();
  await expect(page.getByText("1 ambassadeur ajouté")).toBeVisible();
  await expect(page.getByRole("row", { name: /3 Adresse courriel non valide pas-une-adresse/ })).toBeVisible();
  await expectAccessible(page);
});
