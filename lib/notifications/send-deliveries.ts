import { and, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { chatWebhooks, memberships, notificationDeliveries, organizations, pushSubscriptions, users, type NotificationDelivery } from "@/db/schema";
import type { Locale } from "@/db/schema/enums";
import { env } from "@/lib/env";
import { CONFIGURED_LIMITS } from "@/lib/rate-limit/limits";
import { waitForSlot } from "@/lib/rate-limit/rate-limit";
import { ADDRESS_BOUNCED, addressBounced, messageIdFor, recordAddressBounce, refusedRecipient } from "./bounces";
import { sendNotificationEmail } from "./channels/email";
import { postWebhook } from "./channels/chat-webhook";
import { sendPush } from "./channels/push";
import { nextPendingDueAt } from "./deliveries";
import { renderMessage } from "./message";
import { getVapidKeys, unsubscribeToken } from "./secrets";

// Claimed a few at a time: a worker killed mid-way leaves at most CLAIM rows per running job
// "sending" (recorded as interrupted), so claims stay small.
const CLAIM = 16;
const PARALLEL = 8;
const MAX_ATTEMPTS = 5;

type Outcome = { status: "sent" } | { status: "failed" | "skipped"; reason: string } | { status: "retry"; reason: string };

// Pending deliveries of one notification whose time has come are claimed (pending → sending)
// in one statement before anything is sent: a delivery is claimed once, ever, so a worker
// killed mid-way and its retried job never send one twice. A claim older than
// DELIVERY_CLAIM_TIMEOUT_S belonged to a worker that died while sending: whether that message
// left is unknown, so it is recorded as failed ("interrupted"), never sent again.
export async function sendDueDeliveries(orgId: string, dedupeKey: string, onProgress?: () => Promise<void>) {
  const totals = { sent: 0, failed: 0, skipped: 0, retrying: 0 };
  await db.execute(sql`
    update notification_deliveries set status = 'failed', error = 'interrupted: the worker stopped while sending'
    where organization_id = ${orgId} and dedupe_key = ${dedupeKey} and status = 'sending'
      and claimed_at < now() - ${`${env().DELIVERY_CLAIM_TIMEOUT_S} seconds`}::interval`);
  const [org] = await db.select({ name: organizations.name, slug: organizations.slug, brandColor: organizations.brandColor, defaultLocale: organizations.defaultLocale }).from(organizations).where(eq(organizations.id, orgId));
  if (!org) return { ...totals, nextDueAt: null };
  for (;;) {
    const claimed = (await db.execute(sql`
      update notification_deliveries set status = 'sending', claimed_at = now(), attempts = attempts + 1
      where id in (
        select id from notification_deliveries
        where organization_id = ${orgId} and dedupe_key = ${dedupeKey} and status = 'pending' and not digest and due_at <= now()
        order by id limit ${CLAIM} for update skip locked)
      returning id, user_id, webhook_id, channel, kind, data, href, attempts`)) as unknown as { id: string; user_id: string | null; webhook_id: string | null; channel: NotificationDelivery["channel"]; kind: string; data: Record<string, string | number>; href: string | null; attempts: number }[];
    if (!claimed.length) break;
    const outcomes = await sendBatch(orgId, org, claimed);
    for (const o of outcomes.values()) {
      if (o.status === "sent") totals.sent++;
      else if (o.status === "retry") totals.retrying++;
      else totals[o.status]++;
    }
    await recordOutcomes(claimed, outcomes);
    await onProgress?.();
  }
  return { ...totals, nextDueAt: await nextPendingDueAt(db, orgId, dedupeKey) };
}

type Claimed = { id: string; user_id: string | null; webhook_id: string | null; channel: NotificationDelivery["channel"]; kind: string; data: Record<string, string | number>; href: string | null; attempts: number };
type Org = { name: string; slug: string; brandColor: string; defaultLocale: Locale };

async function sendBatch(orgId: string, org: Org, rows: Claimed[]) {
  const userIds = [...new Set(rows.map((r) => r.user_id).filter((v): v is string => !!v))];
  const people = userIds.length
    ? await db
        .select({ id: users.id, email: users.email, locale: users.locale, membershipId: memberships.id, bounced: addressBounced() })
        .from(users)
        .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.organizationId, orgId)))
        .where(inArray(users.id, userIds))
    : [];
  const person = new Map(people.map((p) => [p.id, p]));
  const pushUsers = rows.filter((r) => r.channel === "push").map((r) => r.user_id!);
  const devices = pushUsers.length ? await db.select().from(pushSubscriptions).where(and(eq(pushSubscriptions.organizationId, orgId), inArray(pushSubscriptions.userId, pushUsers))) : [];
  const hookIds = rows.map((r) => r.webhook_id).filter((v): v is string => !!v);
  const hooks = hookIds.length ? await db.select().from(chatWebhooks).where(and(eq(chatWebhooks.organizationId, orgId), inArray(chatWebhooks.id, hookIds))) : [];
  const base = `${env().APP_URL.replace(/\/$/, "")}/${org.slug}/`;
  const config = env();
  const emailLimit = CONFIGURED_LIMITS.smtpPerOrganization(config.NOTIFY_EMAIL_PER_S);
  const webhookLimit = CONFIGURED_LIMITS.webhookPerOrganization(config.NOTIFY_WEBHOOK_PER_MIN);

  const outcomes = new Map<string, Outcome>();
  const send = async (row: Claimed): Promise<Outcome> => {
    const who = row.user_id ? person.get(row.user_id) : undefined;
    const locale = who?.locale ?? org.defaultLocale;
    const message = renderMessage(row.kind, row.data, (row.href ?? "").replace(/^\//, ""), locale, base);
    const urgent = Number(row.data.urgent ?? 0) === 1;
    if (row.channel === "email") {
      if (!who) return { status: "skipped", reason: "no longer a member" };
      // Mail to this address bounced for good: none is sent until it changes or the member asks again.
      if (who.bounced) return { status: "failed", reason: ADDRESS_BOUNCED };
      if (!(await waitForSlot(emailLimit, orgId, 120_000))) return { status: "retry", reason: "rate limited" };
      try {
        await sendNotificationEmail({ to: who.email, messageId: messageIdFor(row.id), locale, org, message, urgent, unsubscribeUrl: new URL(`/unsubscribe/${unsubscribeToken(who.membershipId)}`, config.APP_URL).toString() });
        return { status: "sent" };
      } catch (error) {
        const e = error as Error & { responseCode?: number; response?: string };
        const reason = `smtp ${e.responseCode ?? ""} ${e.response ?? e.message}`.replace(/\s+/g, " ").trim().slice(0, 500);
        // 5xx: the server refused this address for good (a bounce); anything else may pass later.
        // A refused recipient also stops mail to the address (lib/notifications/bounces.ts).
        if (refusedRecipient(e)) await recordAddressBounce(who.id, who.email, reason);
        return e.responseCode && e.responseCode >= 500 ? { status: "failed", reason } : { status: "retry", reason };
      }
    }
    if (row.channel === "push") {
      const mine = devices.filter((d) => d.userId === row.user_id);
      if (!mine.length) return { status: "skipped", reason: "no device subscribed" };
      const keys = await getVapidKeys();
      let delivered = false;
      let lastReason = "";
      let transient = false;
      for (const device of mine) {
        const r = await sendPush(device, { ...message, tag: row.kind === "alert" ? `alert-${row.data.alertId}` : row.kind, urgent }, keys, config.PUSH_CONTACT);
        if (r.ok) delivered = true;
        else {
          lastReason = r.reason;
          transient ||= r.transient;
          // The push service forgot this device: so do we.
          if (r.gone) await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, device.id));
        }
      }
      if (delivered) return { status: "sent" };
      return transient ? { status: "retry", reason: lastReason } : { status: "failed", reason: lastReason };
    }
    const hook = hooks.find((h) => h.id === row.webhook_id);
    if (!hook) return { status: "skipped", reason: "webhook removed" };
    if (!(await waitForSlot(webhookLimit, orgId, 120_000))) return { status: "retry", reason: "rate limited" };
    const r = await postWebhook(hook.url, hook.kind, message);
    if (r.ok) return { status: "sent" };
    return r.transient ? { status: "retry", reason: r.reason } : { status: "failed", reason: r.reason };
  };

  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(PARALLEL, rows.length) }, async () => {
      while (next < rows.length) {
        const row = rows[next++];
        let outcome: Outcome;
        try {
          outcome = await send(row);
        } catch (error) {
          outcome = { status: "retry", reason: (error as Error).message.slice(0, 500) };
        }
        if (outcome.status === "retry" && row.attempts >= MAX_ATTEMPTS) outcome = { status: "failed", reason: `gave up after ${row.attempts} attempts: ${outcome.reason}` };
        outcomes.set(row.id, outcome);
      }
    }),
  );
  return outcomes;
}

// Sent and failed rows are final; a retry goes back to pending with an exponential delay
// (30 s, 1, 2, 4 min…), which the job scheduling the next round waits for.
async function recordOutcomes(rows: Claimed[], outcomes: Map<string, Outcome>) {
  const sent = rows.filter((r) => outcomes.get(r.id)?.status === "sent").map((r) => r.id);
  if (sent.length) await db.update(notificationDeliveries).set({ status: "sent", sentAt: new Date(), error: null }).where(inArray(notificationDeliveries.id, sent));
  for (const row of rows) {
    const o = outcomes.get(row.id)!;
    if (o.status === "sent") continue;
    if (o.status === "retry") {
      await db
        .update(notificationDeliveries)
        .set({ status: "pending", error: o.reason, dueAt: new Date(Date.now() + 30_000 * 2 ** (row.attempts - 1)) })
        .where(eq(notificationDeliveries.id, row.id));
    } else {
      await db.update(notificationDeliveries).set({ status: o.status, error: o.reason }).where(eq(notificationDeliveries.id, row.id));
    }
  }
}
