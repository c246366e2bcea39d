import { and, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { alertActions, alertActionStates, alerts, type Alert } from "@/db/schema";
import { jobIdPart } from "@/lib/jobs/define-job";
import { queuePrefix } from "@/lib/jobs/queues";
import { scheduleDeliveries } from "@/lib/notifications/jobs";
import { notify } from "@/lib/notifications/notify";
import { getRedis, whenReady } from "@/lib/redis";
import { audienceChunks, audienceInRange, audienceUsersInRange, countAudience } from "./audience";
import { alertChunkJob, alertReminderJob } from "./jobs";
import { alertKey } from "./queries";
import { publishAlertStats } from "./stats";

export const FANOUT_CHUNK = Number(process.env.ALERT_FANOUT_CHUNK ?? 1000);
// An in-app-only alert writes nothing but inbox rows (set-based, one statement per chunk):
// far bigger chunks, still a few per big audience so several workers can share them.
export const FANOUT_CHUNK_IN_APP = Number(process.env.ALERT_FANOUT_CHUNK_IN_APP ?? 25_000);

const getAlert = async (orgId: string, alertId: string) => (await db.select().from(alerts).where(and(eq(alerts.id, alertId), eq(alerts.organizationId, orgId))))[0] ?? null;

const alertData = (a: Alert) => ({ alertId: a.id, title_fr: a.titleFr, title_en: a.titleEn, message_fr: a.messageFr, message_en: a.messageEn, urgent: a.urgent ? 1 : 0 });
const outside = (a: Alert) => a.channels.filter((c) => c !== "in_app");

// At the alert's time: the audience is counted and cut in chunks of members, each a job of
// its own (any worker takes any chunk). A retry adds the same job ids, so nothing twice.
export async function startAlertFanout(orgId: string, alertId: string, sendAt: string) {
  let alert = await getAlert(orgId, alertId);
  if (!alert || alert.sendAt.getTime() !== new Date(sendAt).getTime()) return { skipped: "moved" };
  if (alert.status !== "scheduled" && alert.status !== "sending") return { skipped: alert.status };
  if (alert.status === "scheduled") {
    const audienceSize = await countAudience(alert);
    [alert] = await db.update(alerts).set({ status: "sending", audienceSize }).where(and(eq(alerts.id, alertId), eq(alerts.status, "scheduled"))).returning();
    alert ??= (await getAlert(orgId, alertId))!;
  }
  const chunks = await audienceChunks(alert, outside(alert).length ? FANOUT_CHUNK : FANOUT_CHUNK_IN_APP);
  await Promise.all(
    chunks.map((c, index) => alertChunkJob.enqueue({ orgId, alertId, index, total: chunks.length, after: c.after, upTo: c.upTo }, { jobId: `alert-chunk-${alertId}-${index}` })),
  );
  await scheduleReminders(alert);
  await publishAlertStats(orgId, alertId);
  return { chunks: chunks.length };
}

async function scheduleReminders(alert: Alert) {
  const base = alert.sendAt.getTime();
  const jobs: { round: string; at: number }[] = [];
  for (let r = 1; r <= alert.reminderMax && alert.reminderHours > 0; r++) jobs.push({ round: `r${r}`, at: base + r * alert.reminderHours * 3600_000 });
  const events = await db.select().from(alertActions).where(and(eq(alertActions.alertId, alert.id), eq(alertActions.kind, "event")));
  for (const e of events) {
    if (e.config.kind !== "event") continue;
    const starts = new Date(e.config.startsAt).getTime();
    jobs.push({ round: `day-${e.id}`, at: starts - 24 * 3600_000 }, { round: `hour-${e.id}`, at: starts - 3600_000 });
  }
  await Promise.all(
    jobs
      .filter((j) => j.at > Date.now())
      .map((j) => alertReminderJob.enqueue({ orgId: alert.organizationId, alertId: alert.id, round: j.round }, { jobId: `alert-reminder-${alert.id}-${jobIdPart(j.round)}`, delay: j.at - Date.now() })),
  );
}

// One chunk: the inbox rows and the outgoing deliveries of its members in one transaction
// (a retried chunk inserts nothing new: both have unique keys), then its sender.
export async function deliverAlertChunk(orgId: string, alertId: string, chunk: { index: number; total: number; after: string; upTo: string | null }) {
  const alert = await getAlert(orgId, alertId);
  if (!alert || (alert.status !== "sending" && alert.status !== "sent")) return { notified: 0 };
  const chatGroups = alert.audience.kind === "groups" ? alert.audience.groupIds : [];
  const notified = await db.transaction((tx) =>
    notify(tx, {
      orgId,
      kind: "alert",
      recipients: audienceUsersInRange(alert, chunk.after, chunk.upTo),
      data: alertData(alert),
      href: `/alerts/${alertId}`,
      about: alertId,
      channels: alert.channels,
      urgent: alert.urgent,
      // The chat channels get the alert once, with the first chunk.
      chat: chunk.index === 0 ? { groupIds: chatGroups } : undefined,
    }),
  );
  if (outside(alert).length) await scheduleDeliveries(orgId, alertKey(alertId), new Date(), `c${chunk.index}`);
  if (await allChunksDone(alertId, chunk.index, chunk.total)) {
    await db.update(alerts).set({ status: "sent", sentAt: new Date() }).where(and(eq(alerts.id, alertId), eq(alerts.status, "sending")));
    await publishAlertStats(orgId, alertId);
  } else {
    await publishAlertStats(orgId, alertId, { throttle: true });
  }
  return { notified };
}

// Which chunks finished, in a Redis set per alert; the last one marks the alert sent.
async function allChunksDone(alertId: string, index: number, total: number) {
  const redis = getRedis();
  if (!(await whenReady(redis))) return false;
  const key = `${queuePrefix()}:alert-chunks:${alertId}`;
  const results = await redis.multi().sadd(key, String(index)).scard(key).expire(key, 7 * 86_400).exec();
  return Number(results?.[1]?.[1] ?? 0) >= total;
}

// Reminders go to the members who got the alert and have not done every call to action (or,
// for an event, have not said no); each round names itself, so a retry reminds nobody twice.
export async function sendAlertReminder(orgId: string, alertId: string, round: string) {
  const alert = await getAlert(orgId, alertId);
  if (!alert || (alert.status !== "sending" && alert.status !== "sent") || (alert.endsAt && alert.endsAt <= new Date())) return { notified: 0 };
  const eventId = /^(day|hour)-(.+)$/.exec(round)?.[2] ?? null;
  const [{ n: actionCount }] = await db.select({ n: sql<number>`count(*)::int` }).from(alertActions).where(eq(alertActions.alertId, alertId));
  let notified = 0;
  let after = "";
  for (;;) {
    const page = await audienceInRange(alert, after, null, FANOUT_CHUNK);
    if (!page.length) break;
    after = page[page.length - 1].membershipId;
    const states = await db
      .select({ membershipId: alertActionStates.membershipId, actionId: alertActionStates.actionId, outcome: alertActionStates.outcome })
      .from(alertActionStates)
      .where(and(eq(alertActionStates.alertId, alertId), inArray(alertActionStates.membershipId, page.map((m) => m.membershipId))));
    const recipients = page
      .filter((m) => {
        const mine = states.filter((s) => s.membershipId === m.membershipId);
        return eventId ? !mine.some((s) => s.actionId === eventId && s.outcome === "no") : mine.length < actionCount;
      })
      .map((m) => m.userId);
    notified += await db.transaction((tx) =>
      notify(tx, {
        orgId,
        kind: eventId ? "event_reminder" : "alert_reminder",
        recipients,
        data: alertData(alert),
        href: `/alerts/${alertId}`,
        about: `${alertId}-${round}`,
        channels: alert.channels,
        urgent: alert.urgent,
      }),
    );
    if (page.length < FANOUT_CHUNK) break;
  }
  if (outside(alert).length) await scheduleDeliveries(orgId, `${eventId ? "event_reminder" : "alert_reminder"}-${alertId}-${round}`);
  return { notified };
}
