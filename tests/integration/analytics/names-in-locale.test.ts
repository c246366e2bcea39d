import { NextRequest } from "next/server";
import Papa from "papaparse";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { campaigns, postVariants } from "@/db/schema";
import { DETAIL_COLUMNS, detailBatches } from "@/lib/analytics/export";
import { getCampaignForReport, getDashboard } from "@/lib/analytics/queries";
import { csvChunks } from "@/lib/csv/write";
import { GET as exportTable } from "@/app/api/orgs/[org]/analytics/export/route";
import { createMember } from "@/tests/factories";
import { actAs } from "@/tests/setup/request-context";
import { createCampaign, createKeyMoment } from "../../factories/campaigns";
import { sharedLink } from "../tracked-links/support";
import { applyEvents, ingest } from "./support";

const today = () => new Date().toISOString().slice(0, 10);

// The lead typed the campaign's and the key moment's English names: English readers of the
// dashboards and reports see those, French readers the French ones.
describe("campaign and key moment names on the analytics", () => {
  it("are English for an English reader and French for a French one", async () => {
    const { org, campaign, post, code } = await sharedLink();
    await db.update(campaigns).set({ name: "Au-delà du travail décent", nameEn: "Beyond decent work" }).where(eq(campaigns.id, campaign!.id));
    await createKeyMoment(org, campaign!.id, { title: "Journée mondiale", titleEn: "World day", startsAt: new Date() });
    await db.update(postVariants).set({ title: "The English post" }).where(and(eq(postVariants.postId, post.id), eq(postVariants.locale, "en")));
    await ingest(code, [{ at: Date.now() }]);
    await applyEvents(org.id);
    const scope = { campaignId: campaign!.id, period: { from: today(), to: today() } };

    const en = await getDashboard({ orgId: org.id }, scope, "en");
    const fr = await getDashboard({ orgId: org.id }, scope, "fr");

    expect(en.campaign?.name).toBe("Beyond decent work");
    expect(en.moments.map((m) => m.title)).toEqual(["World day"]);
    expect(en.byPost).toMatchObject([{ postId: post.id, title: "The English post", clicks: 1 }]);
    expect(fr.campaign?.name).toBe("Au-delà du travail décent");
    expect(fr.moments.map((m) => m.title)).toEqual(["Journée mondiale"]);
    expect(fr.byPost[0].title).not.toBe("The English post");
  });

  it("fall back to the French name when no English one was typed", async () => {
    const { org } = await sharedLink();
    const campaign = await createCampaign(org, { name: "Seulement en français", nameEn: null });
    await createKeyMoment(org, campaign.id, { title: "Moment sans traduction", titleEn: "", startsAt: new Date() });

    const report = await getCampaignForReport({ orgId: org.id }, campaign.id, "en");
    const data = await getDashboard({ orgId: org.id }, { campaignId: campaign.id, period: { from: today(), to: today() } }, "en");

    expect(report.name).toBe("Seulement en français");
    expect(data.moments.map((m) => m.title)).toEqual(["Moment sans traduction"]);
  });

  it("are both in the detail CSV, whoever downloads it", async () => {
    const { org, campaign, code } = await sharedLink();
    await db.update(campaigns).set({ name: "Au-delà du travail décent", nameEn: "Beyond decent work" }).where(eq(campaigns.id, campaign!.id));
    await ingest(code, [{ at: Date.now() }]);
    await applyEvents(org.id);

    let csv = "";
    for await (const chunk of csvChunks(DETAIL_COLUMNS, detailBatches({ orgId: org.id }, { from: today(), to: today() }))) csv += chunk;
    const [header, ...lines] = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;

    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line[header.indexOf("campaign")]).toBe("Au-delà du travail décent");
      expect(line[header.indexOf("campaign_en")]).toBe("Beyond decent work");
    }
  });

  it("follow the reader's language in a dashboard table's CSV", async () => {
    const { org, campaign, post, code } = await sharedLink();
    await db.update(postVariants).set({ title: "The English post" }).where(and(eq(postVariants.postId, post.id), eq(postVariants.locale, "en")));
    await ingest(code, [{ at: Date.now() }]);
    await applyEvents(org.id);
    const lead = await createMember(org, { role: "lead", locale: "en" });
    await actAs(lead.user.id);

    const url = `http://localhost:3000/api/orgs/${org.slug}/analytics/export?table=posts&campaign=${campaign!.id}&from=${today()}&to=${today()}`;
    const response = await exportTable(new NextRequest(url), { params: Promise.resolve({ org: org.slug }) });
    const [header, ...lines] = Papa.parse<string[]>((await response.text()).replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;

    expect(response.status).toBe(200);
    expect(lines.map((line) => line[header.indexOf("title")])).toEqual(["The English post"]);
  });
});
