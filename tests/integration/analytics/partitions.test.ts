import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { dropClickPartitionsBefore, ensureClickPartitions } from "@/lib/analytics/partitions";
import { sharedLink } from "../tracked-links/support";
import { applyEvents, ingest, rollupTotals } from "./support";

const partitionOf = async (id: string) => {
  const [row] = await db.execute<{ name: string }>(sql`select tableoid::regclass::text as name from clicks where id like ${`${id}%`} limit 1`);
  return row?.name;
};

describe("raw clicks partitioned by month", () => {
  it("moves a month's clicks out of the default partition when its partition is made, and drops it whole", async () => {
    const { org, code, link } = await sharedLink();
    // July 2019: older than any partition the migration made, so in the default one.
    const result = await ingest(code, [{ at: Date.UTC(2019, 6, 14, 12) }, { at: Date.UTC(2019, 6, 15, 12) }]);
    expect(result.inserted).toBe(2);
    const [{ id }] = await db.execute<{ id: string }>(sql`select id from clicks where link_id = ${link.id} limit 1`);
    expect(await partitionOf(id)).toBe("clicks_default");

    expect(await ensureClickPartitions(new Date(Date.UTC(2019, 6, 1)), 1)).toEqual(["2019-07-01", "2019-08-01"]);
    expect(await ensureClickPartitions(new Date(Date.UTC(2019, 6, 1)), 1)).toEqual([]);
    expect(await partitionOf(id)).toBe("clicks_y2019m07");
    // The ingester's replay still conflicts with the moved click.
    await applyEvents(org.id);

    expect(await dropClickPartitionsBefore(new Date(Date.UTC(2019, 8, 1)))).toEqual(["clicks_y2019m07", "clicks_y2019m08"]);
    const [{ n }] = await db.execute<{ n: number }>(sql`select count(*)::int as n from clicks where link_id = ${link.id}`);
    expect(n).toBe(0);
    // Rollups outlive the raw clicks retention dropped.
    expect((await rollupTotals(org.id)).daily).toMatchObject({ clicks: 2 });
  });
});

describe("the analytics maintenance job", () => {
  it("forgets applied events older than its horizon and keeps the others", async () => {
    const { purgeAppliedEvents } = await import("@/lib/analytics/rollup");
    await db.execute(sql`insert into analytics_applied_events (event_id, organization_id, applied_at) values ('old-1', 'org_x', now() - interval '40 days'), ('new-1', 'org_x', now())`);
    expect(await purgeAppliedEvents(new Date(Date.now() - 30 * 86_400_000))).toBe(1);
    const rows = await db.execute<{ event_id: string }>(sql`select event_id from analytics_applied_events where organization_id = 'org_x'`);
    expect(rows.map((r) => r.event_id)).toEqual(["new-1"]);
  });
});
