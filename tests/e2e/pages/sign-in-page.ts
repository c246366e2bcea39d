import { expect, type Page } from "@playwright/test";
import { firstLink, waitForEmail } from "../support/mail";

export class SignInPage {
  constructor(private readonly page: Page) {}

  async goto(callbackUrl?: string) {
    await this.page.goto(callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in");
  }

  // The real path: the form, the SMTP server, the link in the email.
  async signInWithMagicLink(email: string, callbackUrl?: string) {
    await this.goto(callbackUrl);
    await this.page.getByLabel(/adresse courriel|email address/i).fill(email);
    await this.page.getByRole("button", { name: /lien de connexion|sign-in link/i }).click();
    await expect(this.page.getByRole("heading", { name: /consultez vos courriels|check your email/i })).toBeVisible();
    const mail = await waitForEmail(email);
    await this.page.goto(firstLink(mail.text ?? "", /https?:\/\/\S+\/api\/auth\/callback\/nodemailer\S+/));
  }
}
