import { expect, type Page } from "@playwright/test";

// The lead's composer for a new alert.
export class AlertComposerPage {
  constructor(private readonly page: Page) {}

  async goto(org: string) {
    await this.page.goto(`/${org}/alerts/new`);
    await expect(this.page.getByRole("heading", { level: 1, name: "New alert" })).toBeVisible();
  }

  async fillTexts(texts: { titleFr: string; titleEn: string; messageFr: string; messageEn: string }) {
    await this.page.getByLabel("Title (French)").fill(texts.titleFr);
    await this.page.getByLabel("Title (English)").fill(texts.titleEn);
    await this.page.getByLabel("Message (French)").fill(texts.messageFr);
    await this.page.getByLabel("Message (English)").fill(texts.messageEn);
  }

  async toGroup(name: string) {
    await this.page.getByRole("radio", { name: "Some groups" }).check();
    await this.page.getByRole("checkbox", { name }).check();
  }

  async onlyInApp() {
    await this.page.getByRole("checkbox", { name: "Email", exact: true }).uncheck();
    await this.page.getByRole("checkbox", { name: "Push", exact: true }).uncheck();
    await expect(this.page.getByRole("checkbox", { name: "In-app" })).toBeChecked();
  }

  async askToShare(postTitle: string) {
    await this.page.getByRole("checkbox", { name: "Share the post" }).check();
    await this.page.getByLabel("Post to share").selectOption({ label: postTitle });
  }

  async askToEmail(letter: { subject: string; body: string; targets: string }) {
    await this.page.getByRole("checkbox", { name: "Email your representative" }).check();
    await this.page.getByLabel("Subject", { exact: true }).fill(letter.subject);
    await this.page.getByLabel("Letter (members may edit it)").fill(letter.body);
    await this.page.getByLabel("Who receives each letter").selectOption("all");
    await this.page.getByLabel(/^Targets \(CSV/).fill(letter.targets);
  }

  // A time typed in the workspace's time zone, as the datetime-local field takes it.
  async later(at: string) {
    await this.page.getByRole("radio", { name: "At a set time" }).check();
    await this.page.getByLabel("Send at").fill(at);
  }

  async send() {
    await this.page.getByRole("button", { name: "Send the alert" }).click();
  }
}

// The composer's form, prefilled, for an alert that has not gone out yet.
export class EditAlertPage {
  constructor(private readonly page: Page) {}

  async expectOpen() {
    await expect(this.page.getByRole("heading", { level: 1, name: "Edit the alert" })).toBeVisible();
  }

  field(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }

  async save() {
    await this.page.getByRole("button", { name: "Save changes" }).click();
  }

  async cancelAlert() {
    await this.page.getByRole("button", { name: "Cancel the alert" }).click();
    await this.page.getByRole("dialog").getByRole("button", { name: "Cancel the alert" }).click();
  }
}

// The lead's live view: acted counts per call to action.
export class AlertLivePage {
  constructor(private readonly page: Page) {}

  acted(kind: "share" | "email" | "call" | "link" | "event") {
    return this.page.getByTestId(`acted-${kind}`);
  }

  connected() {
    return this.page.getByText(/mise à jour en direct|updating live/i);
  }
}

// One alert as a member sees it.
export class MemberAlertPage {
  constructor(private readonly page: Page) {}

  action(label: string) {
    return this.page.getByRole("listitem").filter({ has: this.page.getByRole("heading", { level: 2, name: new RegExp(`^${label}`) }) });
  }
}
