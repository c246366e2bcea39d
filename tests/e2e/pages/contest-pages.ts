import { expect, type Page } from "@playwright/test";

// The meeting-room screen: the individual board in large type, no sign-in.
export class ContestScreen {
  constructor(private readonly page: Page) {}

  async open(token: string) {
    await this.page.goto(`/screen/${token}`);
    await expect(this.page.getByRole("heading", { level: 1 })).toBeVisible();
  }

  memberRow(name: string) {
    return this.page.getByRole("region", { name: /individual ranking|classement individuel/i }).getByRole("row").filter({ hasText: name });
  }
}

// A member's own view of a contest: their rank and points.
export class ContestPage {
  constructor(private readonly page: Page) {}

  async goto(org: string, id: string) {
    await this.page.goto(`/${org}/contests/${id}`);
  }

  rank() {
    return this.page.getByTestId("my-rank");
  }

  points() {
    return this.page.getByTestId("my-points");
  }
}
