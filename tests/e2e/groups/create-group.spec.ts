import { expect, test } from "@playwright/test";
import { createMember, createOrg } from "@/tests/factories";
import { GroupsPage } from "../pages/groups-page";
import { SignInPage } from "../pages/sign-in-page";
import { expectAccessible } from "../support/a11y";

test("a lead creates a group", async ({ page }) => {
  const org = await createOrg();
  const { user } = await createMember(org, { role: "lead" });
  await createMember(org, { role: "staff" });
  await new SignInPage(page).signInWithMagicLink(user.email, `/${org.slug}/groups`);

  const groups = new GroupsPage(page);
  await groups.expectOpen();
  await expectAccessible(page);

  await groups.createGroup("Éducateurs");
  await expect(groups.group("Éducateurs")).toBeVisible();
  await expect(groups.group("Éducateurs")).toContainText(/aucun membre|no members/i);
  await expectAccessible(page);

  await groups.group("Éducateurs").click();
  await expect(page.getByRole("heading", { level: 1, name: "Éducateurs" })).toBeVisible();
  await expectAccessible(page);
});
