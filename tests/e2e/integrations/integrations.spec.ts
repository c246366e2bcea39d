import { expect, test } from "@playwright/test";
import { createMember, createOrg } from "@/tests/factories";
import { IntegrationsPage } from "../pages/integrations-page";
import { SignInPage } from "../pages/sign-in-page";
import { expectAccessible } from "../support/a11y";

test("an admin adds the organisation's blog feed on the integrations page", async ({ page }) => {
  const org = await createOrg();
  const { user } = await createMember(org, { role: "admin" });
  await new SignInPage(page).signInWithMagicLink(user.email, `/${org.slug}/settings/integrations`);

  const integrations = new IntegrationsPage(page);
  await integrations.expectOpen();
  await expectAccessible(page);

  // A loopback address: the import it queues is refused before anything leaves the machine.
  const url = `http://127.0.0.2:9/${org.slug}/feed.xml`;
  await integrations.addFeed(url);

  await expect(integrations.feed(url)).toBeVisible();
  await expectAccessible(page);
});
