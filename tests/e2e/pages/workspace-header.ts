import { expect, type Page } from "@playwright/test";

// The workspace header: the organisation switcher.
export class WorkspaceHeader {
  constructor(private readonly page: Page) {}

  get switcher() {
    return this.page.locator("summary", { hasText: /changer d'organisation|switch organisation/i });
  }

  get organisations() {
    return this.page.getByRole("list", { name: /vos organisations|your organisations/i });
  }

  async expectCurrentOrganisation(name: string) {
    await expect(this.switcher).toContainText(name);
  }

  // With the keyboard, as a person who does not use a pointer would.
  async openSwitcherWithKeyboard() {
    await this.switcher.focus();
    await this.page.keyboard.press("Enter");
    await expect(this.organisations).toBeVisible();
  }

  organisationLink(name: RegExp) {
    return this.organisations.getByRole("link", { name });
  }

  async switchTo(name: string) {
    await this.switcher.click();
    await this.organisationLink(new RegExp(name)).click();
  }
}
