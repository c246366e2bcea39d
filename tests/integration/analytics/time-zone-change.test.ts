import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { analyticsRebuilds, organizations } from "@/db/schema";
import { rebuildAnalyticsJob, rollUpEventJob } from "@/lib/analytics/jobs";
import { getDashboard } from "@/lib/analytics/queries";
import { getRebuildInProgress, rebuildInTimeZone } from "@/lib/analytics/rebuild-time-zone";
import { updateOrganizationSettings } from "@/lib/organizations/queries";
import { asSystem } from "@/lib/tenancy";
import { dispatchOutbox, useWorker, waitForJobById } from "@/tests/setup/jobs";
import { sharedLink } from "../tracked-links/support";
import { applyEvents, eventsOf, ingest, rawTotals, rollupTotals } from "./support";

useWorker([rollUpEventJob, rebuildAnalyticsJob], ["analytics"]);

const at = (iso: string) => new Date(iso).getTime();

async function daysWithClicks(orgId: string) {
  const days = async (table: string) =>
    (await db.execute<{ day: string }>(sql`select distinct to_char(day, 'YYYY-MM-DD') as day from ${sql.raw(table)} where organization_id = ${orgId} and clicks > 0 order by 1`)).map((r) => r.day);
  return { daily: await days("analytics_daily"), posts: await days("analytics_daily_posts"), members: await days("analytics_daily_members"), hours: await days("analytics_daily_hours") };
}

describe("changing the organisation's time zone", () => {
  it("recounts the days and hours of the rollups on the new clock, through an outbox event and a job with progress", async () => {
    const { org, code } = await sharedLink();
    await db.update(organizations).set({ timeZone: "Europe/Paris" }).where(eq(organizations.id, org.id));
    await ingest(code, [
      { at: at("2026-03-10T03:00:00Z") }, // 04:00 in Paris on the 10th; 23:00 on the 9th in Montreal
      { at: at("2026-03-10T03:30:00Z"), filter: "preview" },
      { at: at("2026-03-10T12:00:00Z") }, // 13:00 in Paris, 08:00 in Montreal: the 10th in both
    ]);
    await applyEvents(org.id);
    expect(await daysWithClicks(org.id)).toEqual({ daily: ["2026-03-10"], posts: ["2026-03-10"], members: ["2026-03-10"], hours: ["2026-03-10"] });

    await updateOrganizationSettings(asSystem(org.id, org.slug), { name: org.name, slug: org.slug, defaultLocale: org.defaultLocale, brandColor: org.brandColor, timeZone: "America/Montreal" });
    const [event] = await eventsOf(org.id, "organization.time_zone.changed");
    expect(event.payload).toEqual({ from: "Europe/Paris", to: "America/Montreal" });
    await dispatchOutbox();
    await waitForJobById("analytics", `rebuild-analytics-e${event.id}`, 60_000);

    expect(await daysWithClicks(org.id)).toEqual({
      daily: ["2026-03-09", "2026-03-10"],
      posts: ["2026-03-09", "2026-03-10"],
      members: ["2026-03-09", "2026-03-10"],
      hours: ["2026-03-09", "2026-03-10"],
    });
    const data = await getDashboard({ orgId: org.id }, { period: { from: "2026-03-09", to: "2026-03-10" } }, "fr");
    expect(data.timeZone).toBe("America/Montreal");
    expect(data.series.map(({ day, clicks }) => ({ day, clicks }))).toEqual([
      { day: "2026-03-09", clicks: 1 },
      { day: "2026-03-10", clicks: 1 },
    ]);
    expect(data.byHour.filter((h) => h.clicks > 0)).toEqual([
      { hour: 8, shares: 0, clicks: 1 },
      { hour: 23, shares: 0, clicks: 1 },
    ]);
    // Nothing lost or counted twice by the recount.
    const raw = await rawTotals(org.id);
    const { hourly, daily, summaries } = await rollupTotals(org.id);
    expect(hourly).toEqual({ ...raw, actions: 0 });
    expect(daily).toEqual({ ...raw, actions: 0 });
    expect(summaries).toEqual({ posts: daily, members: daily, hours: daily });

    // Its progress: finished, every step done; run again, the same event does nothing.
    const [rebuild] = await db.select().from(analyticsRebuilds).where(eq(analyticsRebuilds.eventId, String(event.id)));
    expect(rebuild).toMatchObject({ organizationId: org.id, timeZone: "America/Montreal" });
    expect(rebuild.stepsDone).toBe(rebuild.steps);
    expect(rebuild.finishedAt).not.toBeNull();
    expect(await getRebuildInProgress({ orgId: org.id })).toBeNull();
    expect(await rebuildInTimeZone(String(event.id), org.id)).toBe(false);
    expect((await rollupTotals(org.id)).daily).toEqual(daily);
  });

  it("emits nothing when the settings are saved with the same time zone", async () => {
    const { org } = await sharedLink();
    await updateOrganizationSettings(asSystem(org.id, org.slug), { name: `${org.name} renamed`, slug: org.slug, defaultLocale: org.defaultLocale, brandColor: org.brandColor, timeZone: org.timeZone });
    expect(await eventsOf(org.id, "organization.time_zone.changed")).toEqual([]);
  });

  it("shows a recount under way with its progress on the dashboards, to its own organisation only", async () => {
    const { org } = await sharedLink();
    const other = await sharedLink();
    await db.insert(analyticsRebuilds).values({ eventId: `evt-${org.id}`, organizationId: org.id, timeZone: "Asia/Tokyo", stepsDone: 1, steps: 4 });
    expect(await getRebuildInProgress({ orgId: org.id })).toEqual({ timeZone: "Asia/Tokyo", stepsDone: 1, steps: 4, percent: 25 });
    expect(await getRebuildInProgress({ orgId: other.org.id })).toBeNull();
    // The dashboards say so above their figures.
    const period = { from: "2026-03-01", to: "2026-03-02" };
    expect((await getDashboard({ orgId: org.id }, { period }, "fr")).rebuild).toMatchObject({ timeZone: "Asia/Tokyo", percent: 25 });
    expect((await getDashboard({ orgId: other.org.id }, { period }, "fr")).rebuild).toBeNull();
  });
});
