import { expect, type Page } from "@playwright/test";

export class FeedPage {
  constructor(private readonly page: Page) {}

  async expectOpen() {
    await expect(this.page.getByRole("heading", { level: 1, name: /^(fil|feed)$/i })).toBeVisible();
  }

  posts() {
    return this.page.getByRole("article");
  }

  post(title: string) {
    return this.posts().filter({ has: this.page.getByRole("heading", { name: title }) });
  }

  async openPost(title: string) {
    await this.page.getByRole("link", { name: title }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  }

  async scrollToLoadMore() {
    await this.page.getByRole("button", { name: /afficher plus de publications|show more posts/i }).scrollIntoViewIfNeeded();
  }
}

export class FeedPostPage {
  constructor(private readonly page: Page) {}

  captions() {
    return this.page.getByRole("region", { name: /textes suggérés|suggested captions/i });
  }

  async openCaption(network: string) {
    await this.captions().locator("summary", { hasText: network }).click();
  }
}
