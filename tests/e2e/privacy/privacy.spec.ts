import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { accountDeletions, organizations, privacySettings, users, workspaceDeletions } from "@/db/schema";
import { closeQueues } from "@/lib/jobs/queues";
import { eraseAccountJob } from "@/lib/privacy/jobs";
import { createMember, createOrg, createUser } from "@/tests/factories";
import { AccountPrivacyPage, PrivacySettingsPage } from "../pages/privacy-pages";
import { SignInPage } from "../pages/sign-in-page";
import { expectAccessible } from "../support/a11y";

test("a member downloads their data and deletes their account", async ({ page }) => {
  // Sign-in, a job, a download, a deletion and a job again: more than one page's worth.
  test.setTimeout(150_000);
  const org = await createOrg({ name: "Syndicat des Données" });
  await createMember(org, { role: "owner" });
  const user = await createUser({ firstName: "Élise", lastName: "Roy" });
  await createMember(org, { role: "staff", user });
  await new SignInPage(page).signInWithMagicLink(user.email, "/account");

  const account = new AccountPrivacyPage(page);
  await account.goto();
  const data = await account.downloadMyData();
  expect(data.tables.users[0].email).toBe(user.email);
  expect(data.tables.memberships[0].organization_id).toBe(org.id);
  await expectAccessible(page);

  await account.deleteMyAccount(user.email);
  const [pending] = await db.select().from(accountDeletions).where(eq(accountDeletions.userId, user.id));
  // A grace period of days, not minutes.
  expect(pending.eraseAfter.getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3600 * 1000);
  await expectAccessible(page);

  // The grace period, passed: the real worker erases the account.
  await db.update(accountDeletions).set({ eraseAfter: new Date(Date.now() - 1000) }).where(eq(accountDeletions.userId, user.id));
  await eraseAccountJob.enqueue({ userId: user.id }, { jobId: `erase-account-${user.id}-e2e` });
  await closeQueues();
  await expect.poll(async () => (await db.select().from(users).where(eq(users.id, user.id))).length, { timeout: 30_000 }).toBe(0);
});

test("an owner changes a retention setting", async ({ page }) => {
  const org = await createOrg({ name: "Ordre de la Conservation" });
  const owner = await createMember(org, { role: "owner" });
  await new SignInPage(page).signInWithMagicLink(owner.user.email, `/${org.slug}/settings/privacy`);

  const settings = new PrivacySettingsPage(page);
  await settings.goto(org.slug);
  await expect(settings.summary()).toContainText(/13 (mois|months)/);
  await expectAccessible(page);
  await settings.setClickDetailMonths(6);
  await settings.goto(org.slug);
  await expect(settings.summary()).toContainText(/6 (mois|months)/);
  const [row] = await db.select().from(privacySettings).where(eq(privacySettings.organizationId, org.id));
  expect(row.clickDetailMonths).toBe(6);
});

test("an owner exports the workspace, then deletes it after typing its address", async ({ page }) => {
  // Two jobs run by the real worker, a download and a deletion of everything.
  test.setTimeout(150_000);
  const org = await createOrg({ name: "Coalition Éphémère" });
  const owner = await createMember(org, { role: "owner" });
  const staff = await createMember(org, { role: "staff" });
  await new SignInPage(page).signInWithMagicLink(owner.user.email, `/${org.slug}/settings/privacy`);

  const settings = new PrivacySettingsPage(page);
  await settings.goto(org.slug);
  const data = await settings.downloadWorkspaceExport();
  expect(data.tables.members.map((m: { email: string }) => m.email).sort()).toEqual([owner.user.email, staff.user.email].sort());
  await expectAccessible(page);

  await settings.deleteWorkspace("pas-la-bonne-adresse");
  await expect(page.getByText(/l’adresse tapée ne correspond pas|the address typed does not match/i)).toBeVisible();
  expect(await db.select().from(workspaceDeletions).where(eq(workspaceDeletions.organizationId, org.id))).toEqual([]);

  await settings.deleteWorkspace(org.slug);
  await expect.poll(async () => (await db.select().from(organizations).where(eq(organizations.id, org.id))).length, { timeout: 60_000 }).toBe(0);
  const [deletion] = await db.select().from(workspaceDeletions).where(eq(workspaceDeletions.organizationId, org.id));
  expect(deletion).toMatchObject({ status: "ready", progress: deletion.total });
  // Gone for its owner too: the address answers "not found", and home has no workspace left.
  await page.goto(`/${org.slug}/settings/privacy`);
  await expect(page.getByRole("heading", { name: /page introuvable|page not found/i })).toBeVisible();
  await page.getByRole("link", { name: /retour à l'accueil|back to home/i }).click();
  await expect(page).toHaveURL(/\/onboarding/);
});
