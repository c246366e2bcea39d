import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { alerts } from "@/db/schema";
import { toZonedInput } from "@/lib/calendar/zoned";
import { createMember, createOrg } from "@/tests/factories";
import { AlertComposerPage, EditAlertPage } from "../pages/alerts-page";
import { SignInPage } from "../pages/sign-in-page";
import { expectAccessible } from "../support/a11y";

const TZ = "America/Toronto";
const inHours = (h: number) => new Date(Math.floor((Date.now() + h * 3600_000) / 60_000) * 60_000);

test("a lead schedules an alert on their phone, edits its time and English title from the live view, then cancels it there", async ({ page }) => {
  test.setTimeout(120_000);
  const org = await createOrg({ defaultLocale: "en", timeZone: TZ });
  const { user: lead } = await createMember(org, { role: "lead", locale: "en" });

  await new SignInPage(page).signInWithMagicLink(lead.email, `/${org.slug}/alerts/new`);
  const composer = new AlertComposerPage(page);
  await composer.goto(org.slug);
  await composer.fillTexts({ titleFr: "Vote demain", titleEn: "Vote tomorrow", messageFr: "Appelez votre député.", messageEn: "Call your MNA." });
  await composer.onlyInApp();
  await page.getByRole("checkbox", { name: "Call", exact: true }).check();
  await page.getByLabel("Number to call").fill("+1 514 555 0100");
  await page.getByLabel("Script shown during the call").fill("Hello, I am calling about Bill 31.");
  const first = inHours(24);
  await composer.later(toZonedInput(first, TZ));
  await composer.send();
  await expect(page).toHaveURL(new RegExp(`/${org.slug}/alerts/alr_[0-9a-z]+/live$`));
  const alertId = new URL(page.url()).pathname.split("/")[3];

  // The live view of a scheduled alert leads to its edit form, prefilled.
  await page.getByRole("link", { name: "Edit" }).click();
  const edit = new EditAlertPage(page);
  await edit.expectOpen();
  await expect(edit.field("Title (English)")).toHaveValue("Vote tomorrow");
  await expect(edit.field("Send at")).toHaveValue(toZonedInput(first, TZ));
  await expect(page.getByRole("radio", { name: "At a set time" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Call", exact: true })).toBeChecked();
  await expect(page.getByLabel("Script shown during the call")).toHaveValue("Hello, I am calling about Bill 31.");
  await expectAccessible(page);

  const moved = inHours(30);
  await edit.field("Title (English)").fill("Vote on Thursday");
  await edit.field("Send at").fill(toZonedInput(moved, TZ));
  await edit.save();
  await expect(page).toHaveURL(new RegExp(`/alerts/${alertId}/live$`));
  await expect(page.getByRole("heading", { level: 1, name: "Vote on Thursday" })).toBeVisible();
  const [saved] = await db.select().from(alerts).where(eq(alerts.id, alertId));
  expect(saved.sendAt.toISOString()).toBe(moved.toISOString());

  // Cancelled from the edit page: it is no longer editable.
  await page.getByRole("link", { name: "Edit" }).click();
  await edit.expectOpen();
  await edit.cancelAlert();
  await expect(page.getByRole("status").filter({ hasText: "This alert can no longer be edited (Cancelled)." })).toBeVisible();
  await expectAccessible(page);
  const [cancelled] = await db.select().from(alerts).where(eq(alerts.id, alertId));
  expect(cancelled.status).toBe("cancelled");
});
