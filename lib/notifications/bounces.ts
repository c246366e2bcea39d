import { timingSafeEqual, createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { notificationDeliveries } from "@/db/schema";
import { env } from "@/lib/env";
import { stripControlCharacters } from "@/lib/input";

// Late bounces: a mail the SMTP server accepted (the delivery is "sent") that a later hop
// refused comes back as a delivery status notification (RFC 3464) to the envelope sender
// (EMAIL_BOUNCE_ADDRESS). The operator's mail system hands it to POST /api/email/bounces
// (authenticated by BOUNCE_WEBHOOK_SECRET), raw, or as JSON from a relay's bounce webhook.
// Each mail Relais sends carries a Message-ID naming its row (`<dlv_…@host>` for a
// notification, `<alt_…@host>` for a letter), which the DSN quotes in the original headers.

const ID = /^(dlv|alt)_[0-9a-z]{10,40}$/;

// The Message-ID Relais gives a mail it sends for row `id`.
export const messageIdFor = (id: string) => `<${id}@${new URL(env().APP_URL).hostname}>`;

function rowOf(messageId: string) {
  const m = /^<?([^<>@\s]+)@([^<>\s]+?)>?$/.exec(messageId.trim());
  if (!m || !ID.test(m[1]) || m[2].toLowerCase() !== new URL(env().APP_URL).hostname.toLowerCase()) return null;
  return m[1];
}

export type Bounce = { rowId: string; status: string | null; reason: string };

// A bounce as a relay's webhook posts it, mapped by the operator to these three fields.
export const bounceJsonSchema = z.object({
  messageId: z.string().trim().min(3).max(300),
  status: z
    .string()
    .trim()
    .regex(/^[245]\.\d{1,3}\.\d{1,3}$/)
    .optional(),
  reason: z.string().trim().min(1).max(1000),
});

// A raw report: text (a DSN is 7-bit MIME), not empty.
export const dsnSchema = z.string().min(1).max(512 * 1024);

// Header fields of the DSN's parts, unfolded (continuation lines joined).
function fields(text: string, name: string) {
  const unfolded = text.replace(/\r\n/g, "\n").replace(/\n[ \t]+/g, " ");
  return [...unfolded.matchAll(new RegExp(`^${name}:[ \\t]*(.*)$`, "gim"))].map((m) => m[1].trim());
}

// A raw DSN: the row is named by the original Message-ID it quotes; only a permanent failure
// ("Action: failed", or a 5.x.x status) is a bounce. A delay report is not (null).
export function parseDsn(raw: string): Bounce | null {
  const rowId = fields(raw, "Message-ID").map(rowOf).find(Boolean);
  if (!rowId) return null;
  const status = fields(raw, "Status").find((s) => /^[245]\.\d{1,3}\.\d{1,3}/.test(s))?.split(/\s/)[0] ?? null;
  const action = fields(raw, "Action")[0]?.toLowerCase() ?? null;
  const failed = action ? action === "failed" : status?.startsWith("5");
  if (!failed) return null;
  const reason = fields(raw, "Diagnostic-Code")[0]?.replace(/^smtp;\s*/i, "") ?? (status ? `status ${status}` : "bounced");
  return { rowId, status, reason: stripControlCharacters(reason).slice(0, 400) };
}

export function bounceFromJson(input: z.infer<typeof bounceJsonSchema>): Bounce | null {
  const rowId = rowOf(input.messageId.includes("@") ? input.messageId : `${input.messageId}@${new URL(env().APP_URL).hostname}`);
  if (!rowId || input.status?.startsWith("4")) return null;
  return { rowId, status: input.status ?? null, reason: input.reason };
}

export const bounceReason = (b: Bounce) => `bounce${b.status ? ` ${b.status}` : ""}: ${b.reason}`.replace(/\s+/g, " ").slice(0, 500);

// A notification email that was sent and bounced later: failed, with the DSN's reason. Once:
// a second report of the same bounce changes nothing.
export async function recordDeliveryBounce(b: Bounce) {
  const [row] = await db
    .update(notificationDeliveries)
    .set({ status: "failed", error: bounceReason(b) })
    .where(and(eq(notificationDeliveries.id, b.rowId), eq(notificationDeliveries.channel, "email"), eq(notificationDeliveries.status, "sent")))
    .returning({ orgId: notificationDeliveries.organizationId, data: notificationDeliveries.data });
  return row ? { orgId: row.orgId, alertId: typeof row.data.alertId === "string" ? row.data.alertId : null } : null;
}

// The route's one secret for the whole instance, compared in constant time.
export function bounceSecretMatches(header: string | null) {
  const secret = env().BOUNCE_WEBHOOK_SECRET;
  const given = /^Bearer\s+(.+)$/i.exec(header ?? "")?.[1];
  if (!secret || !given) return false;
  const digest = (v: string) => createHash("sha256").update(v).digest();
  return timingSafeEqual(digest(given), digest(secret));
}
