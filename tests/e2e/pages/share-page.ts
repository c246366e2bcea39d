import { expect, type Page } from "@playwright/test";

// The share buttons under a post.
export class ShareBar {
  constructor(private readonly page: Page) {}

  button(network: string) {
    return this.page.getByRole("button", { name: new RegExp(`^(share on|partager sur) ${network}$`, "i") });
  }

  async shareOn(network: string) {
    await this.button(network).click();
  }
}

// "My impact": the member's own shares and the clicks they earned.
export class ImpactPage {
  constructor(private readonly page: Page) {}

  async goto(org: string) {
    await this.page.goto(`/${org}/impact`);
    await expect(this.page.getByRole("heading", { level: 1, name: /^(mon impact|my impact)$/i })).toBeVisible();
  }

  total(label: RegExp) {
    return this.page.getByRole("term").filter({ hasText: label }).locator("xpath=following-sibling::dd[1]");
  }

  shares() {
    return this.page.getByRole("region", { name: /vos partages|your shares/i }).getByRole("listitem");
  }
}
