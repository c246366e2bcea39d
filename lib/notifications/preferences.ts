import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { chatWebhooks, memberships, notificationChannel, notificationPreferences, pushSubscriptions } from "@/db/schema";
import { digestFrequency } from "@/db/schema/alerts";
import { AppError } from "@/lib/errors";
import { assertGroupsInOrg } from "@/lib/groups/queries";
import { clearEmailBounce } from "./bounces";
import { inOrg, type Tenant } from "@/lib/tenancy";

const hhmm = z
  .string()
  .trim()
  .max(5)
  .optional()
  .transform((v) => v || null)
  .refine((v) => v === null || /^([01]\d|2[0-3]):[0-5]\d$/.test(v), "invalid_time");

export const preferencesSchema = z.object({
  channels: z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(notificationChannel.enumValues)).max(5)),
  timeZone: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => v || null)
    .refine((v) => {
      if (v === null) return true;
      try {
        new Intl.DateTimeFormat("en", { timeZone: v });
        return true;
      } catch {
        return false;
      }
    }, "invalid_time_zone"),
  quietStart: hhmm,
  quietEnd: hhmm,
  postDigest: z.enum(digestFrequency.enumValues).default("immediate"),
  emailSubscribed: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
  // Shown when mail to the member's address bounced: ticked, Relais emails it again.
  emailRetry: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
  district: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => v || null),
});
export type PreferencesInput = z.infer<typeof preferencesSchema>;

const member = (tenant: Tenant) => {
  if (!tenant.membershipId || !tenant.userId) throw new AppError("forbidden", "Only a member has preferences");
  return { membershipId: tenant.membershipId, userId: tenant.userId };
};

export async function savePreferences(tenant: Tenant, input: PreferencesInput) {
  const { membershipId, userId } = member(tenant);
  const values = {
    channels: [...new Set(["in_app" as const, ...input.channels.filter((c) => c === "email" || c === "push")])],
    timeZone: input.timeZone,
    quietStart: input.quietStart,
    quietEnd: input.quietEnd,
    postDigest: input.postDigest,
    district: input.district,
    emailUnsubscribedAt: input.emailSubscribed ? null : new Date(),
  };
  await db
    .insert(notificationPreferences)
    .values({ organizationId: tenant.orgId, membershipId, userId, ...values })
    .onConflictDoUpdate({ target: notificationPreferences.membershipId, set: values });
  // The address is the person's: asking again here ends its bounce for every workspace.
  if (input.emailRetry) await clearEmailBounce(userId);
  return { saved: true };
}

// One-click unsubscribe (RFC 8058): email stops for this workspace, urgent alerts included.
export async function unsubscribeMembership(membershipId: string) {
  const [m] = await db.select({ orgId: memberships.organizationId, userId: memberships.userId }).from(memberships).where(eq(memberships.id, membershipId));
  if (!m) return false;
  await db
    .insert(notificationPreferences)
    .values({ organizationId: m.orgId, membershipId, userId: m.userId, emailUnsubscribedAt: new Date() })
    .onConflictDoUpdate({ target: notificationPreferences.membershipId, set: { emailUnsubscribedAt: new Date() } });
  return true;
}

const base64url = z.string().trim().min(1).max(200).regex(/^[A-Za-z0-9_-]+=*$/);
export const pushSubscriptionSchema = z.object({
  endpoint: z.url({ protocol: /^https?$/ }).max(2000),
  p256dh: base64url,
  auth: base64url,
});
export const pushUnsubscribeSchema = z.object({ endpoint: z.string().trim().min(1).max(2000) });

// A device's push subscription for this workspace (the browser's PushSubscription).
export async function savePushSubscription(tenant: Tenant, input: z.infer<typeof pushSubscriptionSchema>, userAgent: string | null) {
  const { userId } = member(tenant);
  await db
    .insert(pushSubscriptions)
    .values({ organizationId: tenant.orgId, userId, endpoint: input.endpoint, p256dh: input.p256dh, auth: input.auth, userAgent })
    .onConflictDoUpdate({ target: [pushSubscriptions.organizationId, pushSubscriptions.endpoint], set: { userId, p256dh: input.p256dh, auth: input.auth } });
  return { subscribed: true };
}

export async function removePushSubscription(tenant: Tenant, endpoint: string) {
  const { userId } = member(tenant);
  const rows = await db.delete(pushSubscriptions).where(inOrg(pushSubscriptions, tenant, eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpoint, endpoint))).returning({ id: pushSubscriptions.id });
  return { removed: rows.length };
}

// Incoming webhooks are https URLs on Slack's or Microsoft's hosts.
export const chatWebhookSchema = z
  .object({
    kind: z.enum(["slack", "teams"]),
    url: z.url({ protocol: /^https$/ }).max(2000),
    groupId: z
      .string()
      .trim()
      .max(64)
      .optional()
      .transform((v) => v || null),
    label: z.string().trim().max(100).optional().transform((v) => v || null),
  })
  .refine((v) => {
    const host = URL.parse(v.url)?.hostname ?? "";
    return v.kind === "slack" ? host === "hooks.slack.com" : /(^|\.)(webhook\.office\.com|logic\.azure\.com|powerplatform\.com)$/.test(host);
  }, { path: ["url"], message: "webhook_host" });
export const chatWebhookRefSchema = z.object({ webhookId: z.string().trim().min(1).max(64) });

export async function addChatWebhook(tenant: Tenant, input: z.infer<typeof chatWebhookSchema>) {
  if (input.groupId) await assertGroupsInOrg(db, tenant, [input.groupId]);
  const [row] = await db.insert(chatWebhooks).values({ organizationId: tenant.orgId, ...input }).returning({ id: chatWebhooks.id });
  return row;
}

export async function removeChatWebhook(tenant: Tenant, webhookId: string) {
  const rows = await db.delete(chatWebhooks).where(and(inOrg(chatWebhooks, tenant, eq(chatWebhooks.id, webhookId)))).returning({ id: chatWebhooks.id });
  if (!rows.length) throw new AppError("not_found", "Webhook not found");
  return { removed: true };
}

export async function findChatWebhooks(tenant: Tenant) {
  return db.select().from(chatWebhooks).where(inOrg(chatWebhooks, tenant));
}
