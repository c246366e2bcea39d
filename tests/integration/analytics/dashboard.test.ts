import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { organizations } from "@/db/schema";
import { getDashboard } from "@/lib/analytics/queries";
import { sharedLink } from "../tracked-links/support";
import { applyEvents, ingest } from "./support";

// The dashboard reads only the rollups: its days, hours of the day, networks and posts must be
// what the raw clicks say, on the organisation's clock (here across a daylight-saving night).
describe("dashboard figures", () => {
  it("equal the raw clicks per local day, hour of the day, network and post", async () => {
    const { org, code, post } = await sharedLink();
    await db.update(organizations).set({ timeZone: "Europe/Paris" }).where(eq(organizations.id, org.id));
    const start = new Date("2026-10-24T18:00:00Z").getTime();
    // Every 37 minutes for two days and a half, a quarter filtered, some repeats.
    await ingest(
      code,
      Array.from({ length: 100 }, (_, i) => ({
        at: start + i * 37 * 60_000,
        visitor: i % 6 === 5 ? "again" : undefined,
        filter: (["", "", "", "preview"] as const)[i % 4],
      })),
    );
    await applyEvents(org.id);
    const data = await getDashboard({ orgId: org.id }, { period: { from: "2026-10-24", to: "2026-10-27" } }, "fr");

    const where = sql`organization_id = ${org.id} and filter_reason is null`;
    const days = await db.execute<{ day: string; clicks: number; unique: number }>(sql`
      select to_char(clicked_at at time zone 'Europe/Paris', 'YYYY-MM-DD') as day, count(*)::int as clicks, (count(*) filter (where is_unique))::int as unique
      from clicks where ${where} group by 1 order by 1`);
    const hours = await db.execute<{ hour: number; clicks: number }>(sql`
      select extract(hour from clicked_at at time zone 'Europe/Paris')::int as hour, count(*)::int as clicks from clicks where ${where} group by 1 order by 1`);
    const [all] = await db.execute<{ clicks: number; filtered: number }>(sql`
      select (count(*) filter (where filter_reason is null))::int as clicks, (count(*) filter (where filter_reason is not null))::int as filtered
      from clicks where organization_id = ${org.id}`);

    expect(days.length).toBeGreaterThan(2);
    expect(data.series.map((d) => ({ day: d.day, clicks: d.clicks, unique: d.uniqueClicks }))).toEqual([...days]);
    expect(data.byHour.map((h) => ({ hour: h.hour, clicks: h.clicks }))).toEqual([...hours]);
    expect(data.totals.clicks).toBe(all.clicks);
    expect(data.totals.filtered).toBe(all.filtered);
    expect(data.byNetwork).toMatchObject([{ network: "linkedin", clicks: all.clicks }]);
    expect(data.byPost).toMatchObject([{ postId: post.id, clicks: all.clicks }]);
  });
});
