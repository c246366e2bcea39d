import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { getDashboard } from "@/lib/analytics/queries";
import { findDemoOrganization } from "@/scripts/seed/organization";
import { seedDemo } from "@/scripts/seed/demo";

describe("the demo's campaign reports", () => {
  it("show the seeded shares and clicks, counted by the rollups, with filtered clicks by reason", async () => {
    await seedDemo(() => {});
    const org = (await findDemoOrganization(db))!;
    const [campaign] = await db.execute<{ id: string; clicks: number; shares: number; preview: number }>(sql`
      select c.campaign_id as id, count(*) filter (where c.filter_reason is null)::int as clicks,
        count(*) filter (where c.filter_reason = 'preview')::int as preview,
        (select count(*)::int from shares s join posts p on p.id = s.post_id where p.campaign_id = c.campaign_id) as shares
      from clicks c where c.organization_id = ${org.id} and c.campaign_id is not null
      group by c.campaign_id order by 2 desc limit 1`);
    const data = await getDashboard({ orgId: org.id }, { campaignId: campaign.id, period: { from: "2000-01-01", to: "2100-01-01" } }, "fr");
    expect(data.totals).toMatchObject({ clicks: campaign.clicks, shares: campaign.shares, preview: campaign.preview });
    expect(data.totals.clicks).toBeGreaterThan(50);
    expect(data.totals.reach).toBeGreaterThan(0);
    expect(data.totals.emv).toBeGreaterThan(0);
  });
});
