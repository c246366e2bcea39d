import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { alerts, campaigns, keyMoments, notifications } from "@/db/schema";
import { findOpenAlertsForMember } from "@/lib/alerts/queries";
import { findCalendarItems } from "@/lib/calendar/queries";
import { createCampaignAction, updateCampaignAction } from "@/lib/campaigns/actions";
import { findFeedCampaigns, findFeedPage, getFeedPostOrThrow } from "@/lib/feed/queries";
import { createKeyMomentAction, updateKeyMomentAction } from "@/lib/key-moments/actions";
import { createMember, createOrg } from "@/tests/factories";
import { createSentAlert } from "@/tests/factories/alerts";
import { createCampaign, createFeedPost, createKeyMoment } from "@/tests/integration/feed/fixtures";
import { actAs } from "@/tests/setup/request-context";

async function lead() {
  const org = await createOrg({ timeZone: "America/Toronto" });
  const member = await createMember(org, { role: "lead" });
  await actAs(member.user.id);
  return { org, member };
}

describe("English titles on the campaign and key-moment forms", () => {
  it("a lead gives a campaign an English name, and clears it by leaving the field blank", async () => {
    const { org } = await lead();
    const created = await createCampaignAction({ org: org.slug, name: "Au-delà du travail décent", nameEn: "  Beyond decent work ", languages: ["fr", "en"] });
    expect(created).toMatchObject({ ok: true });
    const id = (created as { data: { id: string } }).data.id;
    const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id));
    expect([row.name, row.nameEn]).toEqual(["Au-delà du travail décent", "Beyond decent work"]);

    expect(await updateCampaignAction({ org: org.slug, id, name: "Au-delà du travail décent", slug: row.slug, nameEn: "" })).toMatchObject({ ok: true });
    const [cleared] = await db.select().from(campaigns).where(eq(campaigns.id, id));
    expect(cleared.nameEn).toBeNull();
  });

  it("refuses an English name that is too long, on its field", async () => {
    const { org } = await lead();
    expect(await createCampaignAction({ org: org.slug, name: "Semaine 1", nameEn: "x".repeat(161) })).toMatchObject({ ok: false, code: "bad_request", fieldErrors: { nameEn: [expect.any(String)] } });
    expect(await db.select().from(campaigns).where(eq(campaigns.organizationId, org.id))).toEqual([]);
  });

  it("a lead gives a key moment an English title and edits it", async () => {
    const { org } = await lead();
    const campaign = await createCampaign(org);
    const created = await createKeyMomentAction({ org: org.slug, campaignId: campaign.id, title: "Audience en commission", titleEn: "Committee hearing", startsAt: "2026-02-12T09:00" });
    expect(created).toMatchObject({ ok: true });
    const id = (created as { data: { id: string } }).data.id;
    expect((await db.select().from(keyMoments).where(eq(keyMoments.id, id)))[0].titleEn).toBe("Committee hearing");
    expect(await updateKeyMomentAction({ org: org.slug, id, title: "Audience en commission", titleEn: "Hearing in committee", startsAt: "2026-02-12T09:00" })).toMatchObject({ ok: true });
    expect((await db.select().from(keyMoments).where(eq(keyMoments.id, id)))[0].titleEn).toBe("Hearing in committee");
    expect(await updateKeyMomentAction({ org: org.slug, id, title: "Audience en commission", titleEn: "x".repeat(201), startsAt: "2026-02-12T09:00" })).toMatchObject({ ok: false, code: "bad_request", fieldErrors: { titleEn: [expect.any(String)] } });
  });
});

describe("what English readers see", () => {
  async function campaignWithMoment(nameEn: string | null, titleEn: string | null) {
    const org = await createOrg({ defaultLocale: "fr" });
    const campaign = await createCampaign(org, { name: "Au-delà du travail décent", nameEn });
    const moment = await createKeyMoment(org, campaign.id, { title: "Audience en commission", titleEn, startsAt: new Date(Date.now() - 3600_000), endsAt: new Date(Date.now() + 3600_000) });
    const post = await createFeedPost(org, { campaignId: campaign.id, keyMomentId: moment.id });
    const en = await createMember(org, { role: "staff", locale: "en" });
    const fr = await createMember(org, { role: "staff", locale: "fr" });
    return { org, campaign, post, en, fr };
  }

  it("the feed's badge, post page and campaign filter show the English titles to English readers, the others to French readers", async () => {
    const { post, en, fr } = await campaignWithMoment("Beyond decent work", "Committee hearing");
    const [enItem] = (await findFeedPage(en.tenant)).items;
    expect([enItem.campaign?.name, enItem.keyMoment?.title]).toEqual(["Beyond decent work", "Committee hearing"]);
    const [frItem] = (await findFeedPage(fr.tenant)).items;
    expect([frItem.campaign?.name, frItem.keyMoment?.title]).toEqual(["Au-delà du travail décent", "Audience en commission"]);
    const enPost = await getFeedPostOrThrow(en.tenant, post.id);
    expect([enPost.campaign?.name, enPost.keyMoment?.title]).toEqual(["Beyond decent work", "Committee hearing"]);
    expect((await findFeedCampaigns(en.tenant)).map((c) => c.name)).toEqual(["Beyond decent work"]);
    expect((await findFeedCampaigns(fr.tenant)).map((c) => c.name)).toEqual(["Au-delà du travail décent"]);
  });

  it("English readers see the French titles when the lead gave no English ones", async () => {
    const { en } = await campaignWithMoment(null, null);
    const [item] = (await findFeedPage(en.tenant)).items;
    expect([item.campaign?.name, item.keyMoment?.title]).toEqual(["Au-delà du travail décent", "Audience en commission"]);
  });

  it("an open alert carries its campaign's names for the box at the top of the feed", async () => {
    const { org, campaign, en } = await campaignWithMoment("Beyond decent work", null);
    const { alert } = await createSentAlert(org);
    await db.update(alerts).set({ campaignId: campaign.id }).where(eq(alerts.id, alert.id));
    // What the fan-out wrote in their inbox.
    await db.insert(notifications).values({ organizationId: org.id, userId: en.user.id, type: "alert", data: {}, href: `/alerts/${alert.id}`, dedupeKey: `alert-${alert.id}` });
    const [open] = await findOpenAlertsForMember(en.tenant);
    expect([open.id, open.campaignName, open.campaignNameEn]).toEqual([alert.id, "Au-delà du travail décent", "Beyond decent work"]);
  });

  it("the lead's calendar names the campaign and the key moment in English for an English reader, in French otherwise and when no English one was typed", async () => {
    const org = await createOrg({ defaultLocale: "fr" });
    const lead = await createMember(org, { role: "lead", locale: "en" });
    const translated = await createCampaign(org, { name: "Au-delà du travail décent", nameEn: "Beyond decent work" });
    const untranslated = await createCampaign(org, { name: "Semaine des éducatrices", nameEn: null });
    await createKeyMoment(org, translated.id, { title: "Audience en commission", titleEn: "Committee hearing", startsAt: new Date("2026-11-10T14:00:00Z") });
    await createKeyMoment(org, untranslated.id, { title: "Journée portes ouvertes", titleEn: "", startsAt: new Date("2026-11-12T14:00:00Z") });
    const range = { from: new Date("2026-11-01T04:00:00Z"), to: new Date("2026-12-01T05:00:00Z") };
    const names = async (locale: "fr" | "en", campaignId?: string) => (await findCalendarItems(lead.tenant, { ...range, campaignId, locale })).moments.map((m) => [m.campaignName, m.title]);

    expect(await names("en")).toEqual([
      ["Beyond decent work", "Committee hearing"],
      ["Semaine des éducatrices", "Journée portes ouvertes"],
    ]);
    expect(await names("fr")).toEqual([
      ["Au-delà du travail décent", "Audience en commission"],
      ["Semaine des éducatrices", "Journée portes ouvertes"],
    ]);
    // One campaign's own calendar.
    expect(await names("en", translated.id)).toEqual([["Beyond decent work", "Committee hearing"]]);
  });
});
