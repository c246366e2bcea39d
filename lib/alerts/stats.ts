import { and, desc, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { alertActions, alertActionStates, alertLetters, alerts, alertTargets, notificationDeliveries, notifications } from "@/db/schema";
import { publishLive } from "@/lib/live/publish";
import { getRedis, whenReady } from "@/lib/redis";
import { queuePrefix } from "@/lib/jobs/queues";
import { inOrg, type Tenant } from "@/lib/tenancy";
import { alertKey } from "./queries";

export type ChannelStats = { channel: string; sent: number; delivered: number; opened: number; failed: number; pending: number; skipped: number };
export type AlertStats = {
  status: string;
  audience: number;
  reached: number;
  channels: ChannelStats[];
  actions: { id: string; kind: string; labelFr: string; labelEn: string; acted: number }[];
  letters: { targetId: string; name: string; district: string | null; sent: number; failed: number }[];
  failures: { channel: string; error: string; count: number }[];
};

// What the lead's live view shows, read from PostgreSQL (the facts), so any process computes
// the same numbers.
export async function alertStats(tenant: Pick<Tenant, "orgId">, alertId: string): Promise<AlertStats> {
  const key = alertKey(alertId);
  const [alert] = await db.select({ status: alerts.status, audience: alerts.audienceSize }).from(alerts).where(inOrg(alerts, tenant, eq(alerts.id, alertId)));
  const [inbox] = await db
    .select({ n: sql<number>`count(*)::int`, opened: sql<number>`count(${notifications.readAt})::int` })
    .from(notifications)
    .where(inOrg(notifications, tenant, eq(notifications.dedupeKey, key)));
  const byChannel = await db
    .select({
      channel: notificationDeliveries.channel,
      sent: sql<number>`count(*) filter (where ${notificationDeliveries.status} in ('sent', 'failed'))::int`,
      delivered: sql<number>`count(*) filter (where ${notificationDeliveries.status} = 'sent')::int`,
      opened: sql<number>`count(${notificationDeliveries.openedAt})::int`,
      failed: sql<number>`count(*) filter (where ${notificationDeliveries.status} = 'failed')::int`,
      pending: sql<number>`count(*) filter (where ${notificationDeliveries.status} in ('pending', 'sending'))::int`,
      skipped: sql<number>`count(*) filter (where ${notificationDeliveries.status} = 'skipped')::int`,
    })
    .from(notificationDeliveries)
    .where(inOrg(notificationDeliveries, tenant, eq(notificationDeliveries.dedupeKey, key)))
    .groupBy(notificationDeliveries.channel);
  const actions = await db
    .select({ id: alertActions.id, kind: alertActions.kind, labelFr: alertActions.labelFr, labelEn: alertActions.labelEn, acted: sql<number>`(select count(*)::int from ${alertActionStates} s where s.action_id = ${alertActions.id})` })
    .from(alertActions)
    .where(inOrg(alertActions, tenant, eq(alertActions.alertId, alertId)))
    .orderBy(alertActions.position);
  const letters = await db
    .select({
      targetId: alertTargets.id,
      name: alertTargets.name,
      district: alertTargets.district,
      sent: sql<number>`count(${alertLetters.id}) filter (where ${alertLetters.status} = 'sent')::int`,
      failed: sql<number>`count(${alertLetters.id}) filter (where ${alertLetters.status} = 'failed')::int`,
    })
    .from(alertTargets)
    .innerJoin(alertActions, and(eq(alertActions.id, alertTargets.actionId), eq(alertActions.kind, "email")))
    .leftJoin(alertLetters, eq(alertLetters.targetId, alertTargets.id))
    .where(inOrg(alertTargets, tenant, eq(alertActions.alertId, alertId)))
    .groupBy(alertTargets.id)
    .orderBy(desc(sql`count(${alertLetters.id})`), alertTargets.name);
  const failures = await db
    .select({ channel: notificationDeliveries.channel, error: sql<string>`coalesce(${notificationDeliveries.error}, '')`, count: sql<number>`count(*)::int` })
    .from(notificationDeliveries)
    .where(inOrg(notificationDeliveries, tenant, eq(notificationDeliveries.dedupeKey, key), eq(notificationDeliveries.status, "failed")))
    .groupBy(notificationDeliveries.channel, notificationDeliveries.error)
    .orderBy(desc(sql`count(*)`))
    .limit(20);
  const letterFailures = await db
    .select({ error: sql<string>`coalesce(${alertLetters.error}, '')`, count: sql<number>`count(*)::int` })
    .from(alertLetters)
    .where(inOrg(alertLetters, tenant, eq(alertLetters.alertId, alertId), eq(alertLetters.status, "failed")))
    .groupBy(alertLetters.error)
    .limit(10);
  return {
    status: alert?.status ?? "unknown",
    audience: alert?.audience ?? 0,
    reached: inbox?.n ?? 0,
    channels: [{ channel: "in_app", sent: inbox?.n ?? 0, delivered: inbox?.n ?? 0, opened: inbox?.opened ?? 0, failed: 0, pending: 0, skipped: 0 }, ...byChannel],
    actions,
    letters,
    failures: [...failures, ...letterFailures.map((f) => ({ channel: "letter", ...f }))],
  };
}

export const alertTopic = (alertId: string) => `alert-${alertId}`;

// Tells every open live view of the alert its new numbers. `throttle`: at most one per second
// per alert across processes (a fan-out's chunks); facts a viewer must not miss (the fan-out
// finished, a member acted) publish every time.
export async function publishAlertStats(orgId: string, alertId: string, options: { throttle?: boolean } = {}) {
  if (options.throttle) {
    try {
      const redis = getRedis();
      if ((await whenReady(redis)) && (await redis.set(`${queuePrefix()}:alert-stats:${alertId}`, "1", "PX", 1000, "NX")) !== "OK") return;
    } catch {
      return;
    }
  }
  await publishLive(orgId, alertTopic(alertId), await alertStats({ orgId }, alertId));
}
