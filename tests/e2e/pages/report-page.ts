import { expect, type Page } from "@playwright/test";

// A campaign's dashboard and printable report.
export class ReportPage {
  constructor(private readonly page: Page) {}

  async goto(org: string, campaignId: string) {
    await this.page.goto(`/${org}/campaigns/${campaignId}/report`);
    await expect(this.page.getByRole("heading", { level: 1, name: /^(report|bilan)/i })).toBeVisible();
  }

  figure(key: string) {
    return this.page.locator(`[data-figure="${key}"] dd`).first();
  }

  filteredSentence() {
    return this.page.getByTestId("filtered-sentence");
  }

  async showTable(chart: RegExp) {
    const region = this.page.getByRole("region", { name: chart });
    await region.getByRole("button", { name: /show as table|afficher en tableau/i }).click();
    return region.getByRole("table");
  }

  async createShareLink() {
    await this.page.getByRole("button", { name: /create a link|créer un lien/i }).click();
    const text = await this.page.getByTestId("report-link").textContent();
    return new URL(text!.replace(/^.*?(https?:\/\/\S+).*$/, "$1")).pathname;
  }
}
