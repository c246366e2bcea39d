import { expect, type Page } from "@playwright/test";

export class IntegrationsPage {
  constructor(private readonly page: Page) {}

  async expectOpen() {
    await expect(this.page.getByRole("heading", { level: 1, name: /^(intégrations|integrations)$/i })).toBeVisible();
  }

  async addFeed(url: string, language: "fr" | "en" = "fr") {
    await this.page.getByLabel(/adresse du flux|feed address/i).fill(url);
    await this.page.getByLabel(/langue des articles|language of the articles/i).selectOption(language);
    await this.page.getByRole("button", { name: /ajouter le flux|add feed/i }).click();
    await expect(this.page.getByRole("status")).toContainText(/flux ajouté|feed added/i);
  }

  feed(url: string) {
    return this.page.getByRole("listitem").filter({ hasText: url }).first();
  }
}
