import { expect, test } from "@playwright/test";
import { createMember, createOrg } from "@/tests/factories";
import { SignInPage } from "../pages/sign-in-page";
import { expectAccessible } from "../support/a11y";

// Against the production server: what used to answer a 500 (PostgreSQL refuses a NUL byte).
test("a NUL byte in a search, an API id or a page address answers without a server error", async ({ page }) => {
  const org = await createOrg();
  const { user } = await createMember(org, { role: "owner" });
  await new SignInPage(page).signInWithMagicLink(user.email, `/${org.slug}/members`);

  const search = await page.goto(`/${org.slug}/members?q=a%00b`);
  expect(search?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page);

  const api = await page.request.get(`/api/orgs/${org.slug}/imports/a%00b`);
  expect(api.status()).toBe(400);
  expect(await api.json()).toMatchObject({ error: { code: "bad_request" } });

  const address = await page.request.get(`/${org.slug}/posts/a%00b`);
  expect(address.status()).toBe(400);
});
