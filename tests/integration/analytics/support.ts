import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { outboxEvents } from "@/db/schema";
import { encodeClick } from "@/lib/clicks/click-record";
import { ingestClickEntries } from "@/lib/clicks/ingest";
import { rollUpAction, rollUpClicks, rollUpShare } from "@/lib/analytics/rollup";
import { getRedis } from "@/lib/redis";
import { linkKeys } from "@/lib/tracked-links/config";
import { unique } from "@/tests/factories";
import { CHROME, deleteKeys } from "../tracked-links/support";

export type Reason = "" | "bot" | "preview" | "head" | "prefetch";

// Clicks on a code through the real ingester (repeats and uniques judged as in production).
export async function ingest(code: string, clicks: { at: number; visitor?: string; filter?: Reason }[]) {
  const prefix = unique("analytics-");
  const payload = clicks
    .map((click, i) =>
      encodeClick({ id: `${prefix}-${i}`, code, at: click.at, visitorHash: click.visitor ?? `${prefix}-v${i}`, country: "", referrerDomain: "", filter: click.filter ?? "", viewer: "", userAgent: CHROME }),
    )
    .join("\n");
  try {
    return await ingestClickEntries(getRedis(), linkKeys(prefix), [payload], { agentsPerAddress: 5 });
  } finally {
    await deleteKeys(`${prefix}:*`);
  }
}

// What the outbox dispatcher and the roll-up worker would do with the organisation's events.
export async function applyEvents(orgId: string) {
  const events = await db.select().from(outboxEvents).where(eq(outboxEvents.organizationId, orgId));
  return Promise.all(events.map((event) => applyEvent(event)));
}

export function applyEvent(event: typeof outboxEvents.$inferSelect) {
  const id = String(event.id);
  const payload = event.payload as Record<string, string & string[]>;
  if (event.type === "clicks.ingested") return rollUpClicks(id, event.organizationId!, payload.clickIds);
  if (event.type === "share.recorded") return rollUpShare(id, event.organizationId!, payload.shareId);
  if (event.type === "action.completed") return rollUpAction(id, event.organizationId!, payload.membershipId, (payload.campaignId as string | null | undefined) ?? null);
  return Promise.resolve(false);
}

export async function eventsOf(orgId: string, type: string) {
  return db.select().from(outboxEvents).where(and(eq(outboxEvents.organizationId, orgId), eq(outboxEvents.type, type))).orderBy(outboxEvents.id);
}

const FIGURES = sql`coalesce(sum(clicks), 0)::int as clicks, coalesce(sum(unique_clicks), 0)::int as "uniqueClicks", coalesce(sum(shares), 0)::int as shares,
  coalesce(sum(filtered_bot), 0)::int as bot, coalesce(sum(filtered_preview), 0)::int as preview, coalesce(sum(filtered_head), 0)::int as head,
  coalesce(sum(filtered_prefetch), 0)::int as prefetch, coalesce(sum(filtered_repeat), 0)::int as repeat, coalesce(sum(filtered_self), 0)::int as self,
  coalesce(sum(actions), 0)::int as actions`;

export async function rollupTotals(orgId: string) {
  const [hourly] = await db.execute(sql`select ${FIGURES} from analytics_hourly where organization_id = ${orgId}`);
  const [daily] = await db.execute(sql`select ${FIGURES} from analytics_daily where organization_id = ${orgId}`);
  const [posts] = await db.execute(sql`select ${FIGURES} from analytics_daily_posts where organization_id = ${orgId}`);
  const [members] = await db.execute(sql`select ${FIGURES} from analytics_daily_members where organization_id = ${orgId}`);
  const [hours] = await db.execute(sql`select ${FIGURES} from analytics_daily_hours where organization_id = ${orgId}`);
  // The summaries the dashboards read sum to the same figures as the daily rollup.
  return { hourly, daily, summaries: { posts, members, hours } };
}

export async function rawTotals(orgId: string) {
  const [row] = await db.execute(sql`
    select count(*) filter (where filter_reason is null)::int as clicks,
      count(*) filter (where filter_reason is null and is_unique)::int as "uniqueClicks",
      (select count(*)::int from shares where organization_id = ${orgId}) as shares,
      count(*) filter (where filter_reason = 'bot')::int as bot, count(*) filter (where filter_reason = 'preview')::int as preview,
      count(*) filter (where filter_reason = 'head')::int as head, count(*) filter (where filter_reason = 'prefetch')::int as prefetch,
      count(*) filter (where filter_reason = 'repeat')::int as repeat, count(*) filter (where filter_reason = 'self')::int as self
    from clicks where organization_id = ${orgId}`);
  return row;
}
