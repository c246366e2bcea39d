import { expect, type Page } from "@playwright/test";

// The account page's "your data" part, as a member uses it.
export class AccountPrivacyPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/account");
  }

  // Asks for an export, waits for the job (the page refreshes itself), downloads the JSON.
  async downloadMyData() {
    await this.page.getByRole("button", { name: /préparer mes données|prepare my data/i }).click();
    const link = this.page.getByRole("link", { name: /télécharger \(json\)|download \(json\)/i });
    await expect(link).toBeVisible({ timeout: 30_000 });
    const [download] = await Promise.all([this.page.waitForEvent("download"), link.click()]);
    const path = await download.path();
    const fs = await import("node:fs");
    return JSON.parse(fs.readFileSync(path, "utf8"));
  }

  async deleteMyAccount(email: string) {
    await this.page.getByLabel(/tapez votre adresse courriel|type your email address/i).fill(email);
    await this.page.getByRole("button", { name: /supprimer mon compte|delete my account/i }).click();
    await expect(this.page.getByText(/sera effacé le|will be erased on/i)).toBeVisible();
  }
}

// Settings → Privacy and retention, as an owner uses it.
export class PrivacySettingsPage {
  constructor(private readonly page: Page) {}

  async goto(org: string) {
    await this.page.goto(`/${org}/settings/privacy`);
  }

  summary() {
    return this.page.getByTestId("retention-summary");
  }

  async setClickDetailMonths(months: number) {
    await this.page.getByLabel(/mois de conservation du détail des clics|months to keep click details/i).fill(String(months));
    await this.page.getByRole("button", { name: /^(enregistrer|save)$/i }).click();
    await expect(this.page.getByText(/durées de conservation enregistrées|retention settings saved/i)).toBeVisible();
  }

  // Asks for a workspace export, waits for the job (the page refreshes itself), downloads the JSON.
  async downloadWorkspaceExport() {
    await this.page.getByRole("button", { name: /préparer un export|prepare an export/i }).click();
    const link = this.page.getByRole("link", { name: /télécharger \(json\)|download \(json\)/i });
    await expect(link).toBeVisible({ timeout: 30_000 });
    const [download] = await Promise.all([this.page.waitForEvent("download"), link.click()]);
    const fs = await import("node:fs");
    return JSON.parse(fs.readFileSync(await download.path(), "utf8"));
  }

  async deleteWorkspace(typed: string) {
    await this.page.getByLabel(/tapez l’adresse de l’espace|type the workspace's address/i).fill(typed);
    await this.page.getByRole("button", { name: /supprimer l’espace|delete the workspace/i }).click();
  }
}
