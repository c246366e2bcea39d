import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { chatWebhooks, notificationDeliveries, notificationPreferences, organizations, type NotificationChannelName } from "@/db/schema";
import type { OutgoingNotification } from "./channels/types";
import { channelsOf, DIGEST_KINDS } from "./kinds";
import { afterQuietHours, nextDigestAt } from "./quiet-hours";

export const DEFAULT_CHANNELS: NotificationChannelName[] = ["in_app", "email", "push"];
const PERSONAL = new Set<NotificationChannelName>(["email", "push"]);
const CHATS = new Set<NotificationChannelName>(["slack", "teams"]);

export type Outgoing = OutgoingNotification & { channels?: readonly NotificationChannelName[]; urgent?: boolean; chat?: { groupIds: string[] } };

// One delivery row per (person, channel) the kind, the call and the person's preferences
// allow, plus one per chat webhook. Rows already there (a retried chunk) are left alone: the
// unique key (dedupe key, channel, person or webhook) makes this at most once.
export async function queueDeliveries(exec: Database | Transaction, n: Outgoing) {
  const allowed = channelsOf(n.kind).filter((c) => c !== "in_app" && (!n.channels || n.channels.includes(c)));
  if (!allowed.length) return 0;
  const now = new Date();
  const rows: (typeof notificationDeliveries.$inferInsert)[] = [];
  const base = { organizationId: n.orgId, kind: n.kind, dedupeKey: n.dedupeKey, data: n.data, href: n.href };

  const personal = allowed.filter((c) => PERSONAL.has(c));
  // An audience given as a query is read here only when a personal channel needs its people.
  const recipients = Array.isArray(n.recipients)
    ? n.recipients
    : personal.length
      ? (await exec.execute<{ user_id: string }>(sql`select r.user_id from (${n.recipients}) r`)).map((r) => r.user_id)
      : [];
  if (personal.length && recipients.length) {
    const [org] = await exec.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, n.orgId));
    const prefs = await exec
      .select()
      .from(notificationPreferences)
      .where(and(eq(notificationPreferences.organizationId, n.orgId), inArray(notificationPreferences.userId, recipients)));
    const byUser = new Map(prefs.map((p) => [p.userId, p]));
    for (const userId of recipients) {
      const p = byUser.get(userId);
      const channels = p?.channels ?? DEFAULT_CHANNELS;
      const timeZone = p?.timeZone ?? org?.timeZone ?? "UTC";
      for (const channel of personal) {
        if (!channels.includes(channel)) continue;
        // An unsubscribe holds for every email, urgent ones too.
        if (channel === "email" && p?.emailUnsubscribedAt) continue;
        let dueAt = now;
        let digest = false;
        if (!n.urgent) {
          if (channel === "email" && DIGEST_KINDS.includes(n.kind) && p && p.postDigest !== "immediate") {
            digest = true;
            dueAt = nextDigestAt(now, timeZone, p.postDigest);
          } else if (p) {
            dueAt = afterQuietHours(now, timeZone, p.quietStart, p.quietEnd);
          }
        }
        rows.push({ ...base, userId, channel, dueAt, digest });
      }
    }
  }

  const chats = allowed.filter((c) => CHATS.has(c));
  if (chats.length && n.chat) {
    const hooks = await exec
      .select({ id: chatWebhooks.id, kind: chatWebhooks.kind })
      .from(chatWebhooks)
      .where(
        and(
          eq(chatWebhooks.organizationId, n.orgId),
          inArray(chatWebhooks.kind, chats as ("slack" | "teams")[]),
          n.chat.groupIds.length ? or(isNull(chatWebhooks.groupId), inArray(chatWebhooks.groupId, n.chat.groupIds)) : isNull(chatWebhooks.groupId),
        ),
      );
    for (const hook of hooks) rows.push({ ...base, webhookId: hook.id, channel: hook.kind, dueAt: now });
  }

  if (!rows.length) return 0;
  const inserted = await exec.insert(notificationDeliveries).values(rows).onConflictDoNothing().returning({ id: notificationDeliveries.id });
  return inserted.length;
}

// The earliest time a pending, non-digest delivery of this notification is due (to schedule
// the sender), or null when none waits.
export async function nextPendingDueAt(exec: Database | Transaction, orgId: string, dedupeKey: string): Promise<Date | null> {
  const [row] = await exec
    .select({ at: sql<string | null>`min(${notificationDeliveries.dueAt})` })
    .from(notificationDeliveries)
    .where(and(eq(notificationDeliveries.organizationId, orgId), eq(notificationDeliveries.dedupeKey, dedupeKey), eq(notificationDeliveries.status, "pending"), eq(notificationDeliveries.digest, false)));
  return row?.at ? new Date(row.at) : null;
}
