// No "server-only" here: the workers (plain Node) import this too.
import { sql } from "drizzle-orm";
import { db } from "@/db/client";

const monthStart = (date: Date, plus = 0) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + plus, 1));
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

// Creates the month partitions of raw clicks from this month to `monthsAhead` months ahead
// (ensure_clicks_partition, migration 0015, moves any clicks of that month out of the
// default partition). Returns the months created.
export async function ensureClickPartitions(now = new Date(), monthsAhead = 3) {
  const created: string[] = [];
  for (let i = 0; i <= monthsAhead; i++) {
    const month = isoDay(monthStart(now, i));
    const [row] = await db.execute<{ created: boolean }>(sql`select ensure_clicks_partition(${month}::date) as created`);
    if (row.created) created.push(month);
  }
  return created;
}

// Retention: every month partition that ends on or before `before` is dropped whole (no
// row-by-row delete, no vacuum debt). Rollups are kept. Returns the partitions dropped.
export async function dropClickPartitionsBefore(before: Date) {
  const partitions = await db.execute<{ name: string; upper: string }>(sql`
    select c.relname as name, pg_get_expr(c.relpartbound, c.oid) as upper
    from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = 'clicks'::regclass and c.relname ~ '^clicks_y[0-9]{4}m[0-9]{2}$'`);
  const limit = monthStart(before);
  const dropped: string[] = [];
  for (const { name } of partitions) {
    const [, year, month] = /^clicks_y(\d{4})m(\d{2})$/.exec(name)!;
    const end = new Date(Date.UTC(Number(year), Number(month), 1));
    if (end <= limit) {
      await db.execute(sql.raw(`drop table "${name}"`));
      dropped.push(name);
    }
  }
  return dropped.sort();
}
