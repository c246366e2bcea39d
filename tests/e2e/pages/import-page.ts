import { expect, type Page } from "@playwright/test";

export class ImportPage {
  constructor(private readonly page: Page) {}

  async goto(orgSlug: string) {
    await this.page.goto(`/${orgSlug}/members/import`);
    await expect(this.page.getByRole("heading", { level: 1, name: /importer des ambassadeurs|import advocates/i })).toBeVisible();
  }

  async upload(name: string, content: Buffer) {
    await this.page.getByLabel(/^(fichier csv|csv file)$/i).setInputFiles({ name, mimeType: "text/csv", buffer: content });
    await this.page.getByRole("button", { name: /^(importer|import)$/i }).click();
    await expect(this.page.getByRole("progressbar")).toBeVisible();
  }

  async expectFinished() {
    await expect(this.page.getByRole("status").filter({ hasText: /importation terminée|import finished/i })).toBeVisible({ timeout: 30_000 });
  }
}
