import { expect, type Page } from "@playwright/test";
import { firstLink, waitForEmail } from "../support/mail";

// The public page behind an invite link, as a newcomer sees it.
export class JoinPage {
  constructor(private readonly page: Page) {}

  async goto(code: string) {
    await this.page.goto(`/join/${code}`);
  }

  async expectOpen(orgName: string) {
    await expect(this.page.getByRole("heading", { level: 1, name: new RegExp(`(rejoindre|join) ${orgName}`, "i") })).toBeVisible();
  }

  async askToJoin(person: { email: string; firstName: string; lastName: string }) {
    await this.page.getByLabel(/^(adresse courriel|email address)$/i).fill(person.email);
    await this.page.getByLabel(/^(prénom|first name)$/i).fill(person.firstName);
    await this.page.getByLabel(/^(nom|last name)$/i).fill(person.lastName);
    await this.page.getByRole("checkbox", { name: /j’accepte|i agree/i }).check();
    await this.page.getByRole("button", { name: /^(me joindre|join)$/i }).click();
    await expect(this.page.getByRole("heading", { name: /consultez vos courriels|check your email/i })).toBeVisible();
  }

  // The magic link from the real SMTP server, opened in this browser.
  async openMagicLink(email: string) {
    const mail = await waitForEmail(email);
    await this.page.goto(firstLink(mail.text ?? "", /https?:\/\/\S+\/api\/auth\/callback\/nodemailer\S+/));
    return mail;
  }
}
