import { expect, type Page } from "@playwright/test";

export class InvitesPage {
  constructor(private readonly page: Page) {}

  async expectOpen() {
    await expect(this.page.getByRole("heading", { level: 1, name: /^invitations$/i })).toBeVisible();
  }

  async createLink(options: { role: "advocate" | "staff"; groups: string[]; maxUses: number; label: string }) {
    const form = this.page.locator("form", { has: this.page.getByRole("button", { name: /créer le lien|create the link/i }) });
    await form.getByLabel(/rôle accordé|role granted/i).selectOption(options.role);
    for (const group of options.groups) await form.getByRole("checkbox", { name: group }).check();
    await form.getByLabel(/libellé|label/i).fill(options.label);
    await form.getByLabel(/nombre maximal|maximum number/i).fill(String(options.maxUses));
    await form.getByRole("button", { name: /créer le lien|create the link/i }).click();
    await expect(form.getByRole("status")).toContainText(/le lien est créé|the link is ready/i);
  }

  link(label: string) {
    return this.page.getByRole("article", { name: label });
  }
}
