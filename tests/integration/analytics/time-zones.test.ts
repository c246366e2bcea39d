import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { organizations } from "@/db/schema";
import { getDashboard } from "@/lib/analytics/queries";
import { sharedLink } from "../tracked-links/support";
import { applyEvents, ingest } from "./support";

async function orgIn(timeZone: string) {
  const shared = await sharedLink();
  await db.update(organizations).set({ timeZone }).where(eq(organizations.id, shared.org.id));
  return shared;
}

const at = (iso: string) => new Date(iso).getTime();

describe("days and hours on the organisation's clock", () => {
  it("America/Montreal: the night clocks fall back keeps two 01:00 hours, and a day ends at local midnight", async () => {
    const { org, code } = await orgIn("America/Montreal");
    await ingest(code, [
      { at: at("2026-11-01T05:30:00Z") }, // 01:30 EDT
      { at: at("2026-11-01T06:30:00Z") }, // 01:30 EST, an hour later
      { at: at("2026-11-01T06:40:00Z") }, // 01:40 EST
      { at: at("2026-11-02T04:59:00Z") }, // 23:59 EST, still 1 November
      { at: at("2026-11-02T05:00:00Z") }, // 00:00 EST, 2 November
    ]);
    await applyEvents(org.id);
    const data = await getDashboard({ orgId: org.id }, { period: { from: "2026-11-01", to: "2026-11-02" } }, "fr");
    expect(data.series).toEqual([
      { day: "2026-11-01", shares: 0, clicks: 4, uniqueClicks: 4, actions: 0 },
      { day: "2026-11-02", shares: 0, clicks: 1, uniqueClicks: 1, actions: 0 },
    ]);
    expect(data.byHour).toEqual([
      { hour: 0, shares: 0, clicks: 1 },
      { hour: 1, shares: 0, clicks: 3 },
      { hour: 23, shares: 0, clicks: 1 },
    ]);
    const [{ hours }] = await db.execute<{ hours: string[] }>(
      // The two 01:00 hours are two rows, an hour apart.
      sql`select array_agg(to_char(hour at time zone 'UTC', 'YYYY-MM-DD"T"HH24') order by hour) as hours from analytics_hourly where organization_id = ${org.id} and clicks > 0`,
    );
    expect(hours).toEqual(["2026-11-01T05", "2026-11-01T06", "2026-11-02T04", "2026-11-02T05"]);
  });

  it("Europe/Paris: the night clocks spring forward has no 02:00, and a day starts at local midnight", async () => {
    const { org, code } = await orgIn("Europe/Paris");
    await ingest(code, [
      { at: at("2026-03-28T22:59:00Z") }, // 23:59 CET, 28 March
      { at: at("2026-03-28T23:30:00Z") }, // 00:30 CET, 29 March
      { at: at("2026-03-29T00:30:00Z") }, // 01:30 CET
      { at: at("2026-03-29T01:30:00Z") }, // 03:30 CEST: 02:00 never happened
      { at: at("2026-03-29T21:59:00Z") }, // 23:59 CEST, 29 March
      { at: at("2026-03-29T22:00:00Z") }, // 00:00 CEST, 30 March
    ]);
    await applyEvents(org.id);
    const data = await getDashboard({ orgId: org.id }, { period: { from: "2026-03-28", to: "2026-03-30" } }, "fr");
    expect(data.series.map((d) => [d.day, d.clicks])).toEqual([
      ["2026-03-28", 1],
      ["2026-03-29", 4],
      ["2026-03-30", 1],
    ]);
    expect(data.byHour.map((h) => [h.hour, h.clicks])).toEqual([
      [0, 2],
      [1, 1],
      [3, 1],
      [23, 2],
    ]);
    // A period of one local day takes exactly that day's clicks.
    const oneDay = await getDashboard({ orgId: org.id }, { period: { from: "2026-03-29", to: "2026-03-29" } }, "fr");
    expect(oneDay.totals.clicks).toBe(4);
  });

  it("compares with the period of the same length just before, or with a chosen baseline", async () => {
    const { org, code } = await orgIn("Europe/Paris");
    await ingest(code, [{ at: at("2026-03-10T12:00:00Z") }, { at: at("2026-03-20T12:00:00Z") }, { at: at("2026-03-21T12:00:00Z") }]);
    await applyEvents(org.id);
    const data = await getDashboard({ orgId: org.id }, { period: { from: "2026-03-20", to: "2026-03-21" } }, "fr");
    expect(data.compareTo).toEqual({ from: "2026-03-18", to: "2026-03-19" });
    expect([data.totals.clicks, data.previous.clicks]).toEqual([2, 0]);
    const baseline = await getDashboard({ orgId: org.id }, { period: { from: "2026-03-20", to: "2026-03-21" }, compareTo: { from: "2026-03-01", to: "2026-03-15" } }, "fr");
    expect(baseline.previous.clicks).toBe(1);
  });
});
