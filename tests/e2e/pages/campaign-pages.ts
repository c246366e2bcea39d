import { expect, type Page } from "@playwright/test";

// A campaign lead's screens: campaigns, key moments, the post editor and the post's review page.
export class CampaignPages {
  constructor(private readonly page: Page) {}

  async createCampaign(org: string, values: { name: string; nameEn?: string; hashtags: string; objective: { label: string; target: string } }) {
    await this.page.goto(`/${org}/campaigns/new`);
    await this.page.getByLabel("Nom de la campagne").fill(values.name);
    if (values.nameEn) await this.page.getByLabel("Nom en anglais (facultatif)").fill(values.nameEn);
    await this.page.getByRole("button", { name: "+ Ajouter un objectif" }).click();
    await this.page.getByLabel("Objectif 1").fill(values.objective.label);
    await this.page.getByLabel("Cible").fill(values.objective.target);
    await this.page.getByLabel("Mots-clics").fill(values.hashtags);
    await this.page.getByRole("button", { name: "Créer la campagne" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: values.name })).toBeVisible();
  }

  async addKeyMoment(values: { title: string; titleEn?: string; startsAt: string; audience: string }) {
    await this.page.locator("summary", { hasText: "Ajouter un moment clé" }).click();
    await this.page.getByLabel("Titre", { exact: true }).fill(values.title);
    if (values.titleEn) await this.page.getByLabel("Titre en anglais (facultatif)").fill(values.titleEn);
    await this.page.getByLabel("Début").fill(values.startsAt);
    await this.page.getByLabel("Public visé").fill(values.audience);
    await this.page.getByRole("button", { name: "Ajouter le moment" }).click();
    await expect(this.page.getByRole("heading", { level: 3, name: values.title })).toBeVisible();
  }
}

export class PostEditorPage {
  constructor(private readonly page: Page) {}

  panel(language: "Français" | "English") {
    return this.page.getByRole("tabpanel", { name: language });
  }

  async chooseKind(kind: string) {
    await this.page.getByRole("radio", { name: kind }).check();
  }

  async fillTestimonial(values: { firstName: string; jobTitle: string; quote: string }) {
    await this.page.getByLabel("Prénom").fill(values.firstName);
    await this.page.getByLabel("Fonction").fill(values.jobTitle);
    await this.page.getByLabel("Citation").fill(values.quote);
  }

  async fillVariant(language: "Français" | "English", values: { title: string; x?: string }) {
    await this.page.getByRole("tab", { name: language }).click();
    const panel = this.panel(language);
    await panel.getByLabel("Titre", { exact: true }).fill(values.title);
    if (values.x) await this.caption(language, "Texte pour X").fill(values.x);
  }

  caption(language: "Français" | "English", field: string) {
    return this.panel(language).getByRole("textbox", { name: field });
  }

  async addHashtagTo(language: "Français" | "English", tag: string, field: string) {
    await this.panel(language).getByRole("button", { name: `Ajouter ${tag} à ${field}` }).click();
  }

  async save() {
    await this.page.getByRole("button", { name: /Créer le brouillon|Enregistrer le brouillon/ }).click();
    await expect(this.page).toHaveURL(/\/posts\/post_[a-z0-9]+$/);
  }
}

export class PostReviewPage {
  constructor(private readonly page: Page) {}

  async move(button: string, expectedStatus: string) {
    await this.page.getByRole("button", { name: button }).click();
    await expect(this.page.locator("article > header").getByText(expectedStatus, { exact: true })).toBeVisible();
  }

  async setPublishTime(local: string) {
    await this.page.getByLabel("Publication", { exact: true }).fill(local);
    await this.page.getByRole("button", { name: "Enregistrer les heures" }).click();
    await expect(this.page.getByRole("status").filter({ hasText: "Heures enregistrées." })).toBeVisible();
  }

  timeline() {
    return this.page.getByRole("region", { name: "Historique" });
  }
}
