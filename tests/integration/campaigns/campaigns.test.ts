import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { campaigns, keyMoments } from "@/db/schema";
import { createCampaignAction, updateCampaignAction } from "@/lib/campaigns/actions";
import { findCalendarItems } from "@/lib/calendar/queries";
import { createKeyMomentAction } from "@/lib/key-moments/actions";
import { createMember, createOrg } from "@/tests/factories";
import { createCampaign, createKeyMoment, createPost } from "@/tests/factories/campaigns";
import { actAs } from "@/tests/setup/request-context";

async function leadOf(timeZone = "America/Toronto") {
  const org = await createOrg({ timeZone });
  const lead = await createMember(org, { role: "lead" });
  await actAs(lead.user.id);
  return { org, lead };
}

const seedCampaign = {
  name: "Au-delà du travail décent",
  goal: "Faire connaître les conditions de travail du secteur.",
  objectives: [{ label: "Semaine 1", metric: "shares", target: "500" }],
  hashtags: "#Au-delàDuTravailDécent, travaildécent #au-delàdutravaildécent",
  languages: ["fr", "en"],
  status: "active",
  startsOn: "2026-11-02",
  endsOn: "2026-11-29",
};

describe("campaigns", () => {
  it("a lead creates a campaign with its objectives, hashtags and days in the organisation's time zone", async () => {
    const { org } = await leadOf("America/Toronto");
    const result = await createCampaignAction({ org: org.slug, ...seedCampaign });
    expect(result).toMatchObject({ ok: true });
    const [row] = await db.select().from(campaigns).where(eq(campaigns.organizationId, org.id));
    expect(row).toMatchObject({
      slug: "au-dela-du-travail-decent",
      objectives: [{ label: "Semaine 1", metric: "shares", target: 500 }],
      hashtags: ["#Au-delàDuTravailDécent", "#travaildécent"],
      status: "active",
    });
    // Midnight in Montréal is 05:00 UTC in November; the last day counts until 23:59:59.
    expect(row.startsAt!.toISOString()).toBe("2026-11-02T05:00:00.000Z");
    expect(row.endsAt!.toISOString()).toBe("2026-11-30T04:59:59.000Z");
  });

  it("refuses a second campaign with the same slug in the organisation", async () => {
    const { org } = await leadOf();
    await createCampaign(org, { slug: "semaine-1" });
    expect(await createCampaignAction({ org: org.slug, name: "Semaine 1", slug: "semaine-1" })).toEqual({ ok: false, code: "conflict" });
  });

  it("refuses an end before the start, on the end field", async () => {
    const { org } = await leadOf();
    expect(await createCampaignAction({ org: org.slug, name: "À l'envers", startsOn: "2026-11-10", endsOn: "2026-11-01" })).toEqual({
      ok: false,
      code: "bad_request",
      fieldErrors: { endsOn: ["ends_before_start"] },
    });
  });

  it.each(["staff", "advocate"] as const)("a member with role %s may not create or edit a campaign", async (role) => {
    const org = await createOrg();
    const campaign = await createCampaign(org, { name: "Intacte" });
    const person = await createMember(org, { role });
    await actAs(person.user.id);
    expect(await createCampaignAction({ org: org.slug, name: "Non" })).toEqual({ ok: false, code: "forbidden" });
    expect(await updateCampaignAction({ org: org.slug, id: campaign.id, name: "Non plus" })).toEqual({ ok: false, code: "forbidden" });
  });

  it("a lead edits a campaign's status", async () => {
    const { org } = await leadOf();
    const campaign = await createCampaign(org, { name: "Semaine 2" });
    expect(await updateCampaignAction({ org: org.slug, id: campaign.id, name: "Semaine 2", slug: campaign.slug, status: "archived" })).toMatchObject({ ok: true });
    const [row] = await db.select().from(campaigns).where(eq(campaigns.id, campaign.id));
    expect(row.status).toBe("archived");
  });
});

describe("key moments", () => {
  it("reads a moment's times in the organisation's time zone", async () => {
    const { org } = await leadOf("America/Vancouver");
    const campaign = await createCampaign(org);
    const result = await createKeyMomentAction({ org: org.slug, campaignId: campaign.id, title: "Audience en commission", audience: "Éducateurs", startsAt: "2026-02-12T09:00", endsAt: "2026-02-12T12:00" });
    expect(result).toMatchObject({ ok: true });
    const [moment] = await db.select().from(keyMoments).where(eq(keyMoments.campaignId, campaign.id));
    expect(moment.startsAt.toISOString()).toBe("2026-02-12T17:00:00.000Z");
    expect(moment.endsAt!.toISOString()).toBe("2026-02-12T20:00:00.000Z");
    expect(moment.audience).toBe("Éducateurs");
  });

  it("refuses a moment that ends before it starts", async () => {
    const { org } = await leadOf();
    const campaign = await createCampaign(org);
    expect(await createKeyMomentAction({ org: org.slug, campaignId: campaign.id, title: "Vote", startsAt: "2026-02-12T09:00", endsAt: "2026-02-11T09:00" })).toEqual({
      ok: false,
      code: "bad_request",
      fieldErrors: { endsAt: ["ends_before_start"] },
    });
  });
});

describe("calendar", () => {
  it("lists the moments overlapping the range and the posts publishing in it, for one campaign", async () => {
    const { org, lead } = await leadOf();
    const campaign = await createCampaign(org);
    const other = await createCampaign(org);
    const week1 = await createKeyMoment(org, campaign.id, { title: "Semaine 1", startsAt: new Date("2026-10-30T12:00:00Z"), endsAt: new Date("2026-11-06T12:00:00Z") });
    await createKeyMoment(org, campaign.id, { title: "Décembre", startsAt: new Date("2026-12-05T12:00:00Z") });
    await createKeyMoment(org, other.id, { title: "Autre campagne", startsAt: new Date("2026-11-10T12:00:00Z") });
    const inRange = await createPost(org, { campaignId: campaign.id, keyMomentId: week1.id, publishAt: new Date("2026-11-03T14:00:00Z"), titles: { fr: "Semaine 1, jour 2", en: "Week 1, day 2" } });
    await createPost(org, { campaignId: campaign.id, publishAt: new Date("2026-12-03T14:00:00Z") });

    const items = await findCalendarItems(lead.tenant, { from: new Date("2026-11-01T04:00:00Z"), to: new Date("2026-12-01T05:00:00Z"), campaignId: campaign.id, locale: "en" });

    expect(items.moments.map((m) => m.title)).toEqual(["Semaine 1"]);
    expect(items.posts.map((p) => [p.id, p.title])).toEqual([[inRange.id, "Week 1, day 2"]]);
  });
});
