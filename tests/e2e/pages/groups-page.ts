import { expect, type Page } from "@playwright/test";

export class GroupsPage {
  constructor(private readonly page: Page) {}

  async goto(orgSlug: string) {
    await this.page.goto(`/${orgSlug}/groups`);
    await this.expectOpen();
  }

  async expectOpen() {
    await expect(this.page.getByRole("heading", { level: 1, name: /^(groupes|groups)$/i })).toBeVisible();
  }

  async createGroup(name: string) {
    await this.page.getByLabel(/^(nom du groupe|group name)$/i).fill(name);
    await this.page.getByRole("button", { name: /créer le groupe|create the group/i }).click();
    await expect(this.page.getByRole("status")).toContainText(/groupe a été créé|group was created/i);
  }

  group(name: string) {
    return this.page.getByRole("list", { name: /groupes de l'organisation|the organisation's groups/i }).getByRole("link", { name: new RegExp(name) });
  }
}
