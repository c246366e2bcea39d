import { timingSafeEqual, createHash } from "node:crypto";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { emailBounces, notificationDeliveries, users } from "@/db/schema";
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

// `recipient`: the address the report says refused the mail, when it says (Final-Recipient).
export type Bounce = { rowId: string; status: string | null; reason: string; recipient?: string | null };

// A bounce as a relay's webhook posts it, mapped by the operator to these three fields.
export const bounceJsonSchema = z.object({
  messageId: z.string().trim().min(3).max(300),
  status: z
    .string()
    .trim()
    .regex(/^[245]\.\d{1,3}\.\d{1,3}$/)
    .optional(),
  reason: z.string().trim().min(1).max(1000),
  // The refused address, when the relay says it; else the member's address is taken.
  recipient: z.email().max(320).optional(),
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
  const recipient = fields(raw, "Final-Recipient")[0]?.replace(/^rfc822;\s*/i, "").trim();
  return { rowId, status, reason: stripControlCharacters(reason).slice(0, 400), recipient: recipient && z.email().safeParse(recipient).success ? recipient : null };
}

export function bounceFromJson(input: z.infer<typeof bounceJsonSchema>): Bounce | null {
  const rowId = rowOf(input.messageId.includes("@") ? input.messageId : `${input.messageId}@${new URL(env().APP_URL).hostname}`);
  if (!rowId || input.status?.startsWith("4")) return null;
  return { rowId, status: input.status ?? null, reason: input.reason, recipient: input.recipient ?? null };
}

export const bounceReason = (b: Bounce) => `bounce${b.status ? ` ${b.status}` : ""}: ${b.reason}`.replace(/\s+/g, " ").slice(0, 500);

// A notification email that was sent and bounced later: failed, with the DSN's reason, and
// its address bounced (no more mail to it). Once: a second report of the same bounce changes
// nothing.
export async function recordDeliveryBounce(b: Bounce) {
  const [row] = await db
    .update(notificationDeliveries)
    .set({ status: "failed", error: bounceReason(b) })
    .where(and(eq(notificationDeliveries.id, b.rowId), eq(notificationDeliveries.channel, "email"), eq(notificationDeliveries.status, "sent")))
    .returning({ orgId: notificationDeliveries.organizationId, userId: notificationDeliveries.userId, data: notificationDeliveries.data });
  if (!row) return null;
  if (row.userId) {
    const [person] = await db.select({ email: users.email }).from(users).where(eq(users.id, row.userId));
    const address = b.recipient ?? person?.email;
    if (address) await recordAddressBounce(row.userId, address, bounceReason(b));
  }
  return { orgId: row.orgId, alertId: typeof row.data.alertId === "string" ? row.data.alertId : null };
}

// Hard-bounced addresses. Once mail to a person's address has bounced for good (a 5xx to
// RCPT TO while sending, or a late report), Relais sends that address no more notification,
// alert or digest email: each such delivery fails with ADDRESS_BOUNCED, which the lead sees
// among an alert's failures. It ends when the person's address is another one (the bounce
// names the old one) or when they ask for email again on their preferences page.
export const ADDRESS_BOUNCED = "address bounced";

export async function recordAddressBounce(userId: string, email: string, reason: string) {
  const values = { email: email.trim().toLowerCase(), reason: reason.slice(0, 500), bouncedAt: new Date() };
  await db.insert(emailBounces).values({ userId, ...values }).onConflictDoUpdate({ target: emailBounces.userId, set: values });
}

// True when the person's current address is the one that bounced (for a select list).
export const addressBounced = (userId: SQL | typeof users.id = users.id, email: SQL | typeof users.email = users.email) =>
  sql<boolean>`exists (select 1 from email_bounces b where b.user_id = ${userId} and b.email = lower(${email}))`;

// The bounce stopping mail to this person's current address, if any (their preferences page).
export async function findEmailBounce(userId: string) {
  const [row] = await db
    .select({ email: emailBounces.email, reason: emailBounces.reason, bouncedAt: emailBounces.bouncedAt })
    .from(emailBounces)
    .innerJoin(users, eq(users.id, emailBounces.userId))
    .where(and(eq(emailBounces.userId, userId), sql`${emailBounces.email} = lower(${users.email})`));
  return row ?? null;
}

export async function clearEmailBounce(userId: string) {
  const rows = await db.delete(emailBounces).where(eq(emailBounces.userId, userId)).returning({ userId: emailBounces.userId });
  return rows.length > 0;
}

// nodemailer's error when the server refused the recipient for good: a 5xx answer to RCPT TO.
export function refusedRecipient(error: unknown) {
  const e = error as { responseCode?: number; command?: string; code?: string };
  return !!e.responseCode && e.responseCode >= 500 && (e.command === "RCPT TO" || e.code === "EENVELOPE");
}

// The route's one secret for the whole instance, compared in constant time.
export function bounceSecretMatches(header: string | null) {
  const secret = env().BOUNCE_WEBHOOK_SECRET;
  const given = /^Bearer\s+(.+)$/i.exec(header ?? "")?.[1];
  if (!secret || !given) return false;
  const digest = (v: string) => createHash("sha256").update(v).digest();
  return timingSafeEqual(digest(given), digest(secret));
}
