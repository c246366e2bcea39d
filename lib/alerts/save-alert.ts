import "server-only";
import { and, eq } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { alertActions, alerts, alertTargets, campaigns, posts, type AlertActionConfig, type AlertActionKind, type AlertAudience } from "@/db/schema";
import { zonedToUtc } from "@/lib/calendar/zoned";
import { AppError } from "@/lib/errors";
import { assertGroupsInOrg } from "@/lib/groups/queries";
import { getTranslator } from "@/lib/i18n/translator";
import { emit } from "@/lib/jobs/outbox";
import { toInstant } from "@/lib/jobs/events";
import { getOrganizationSettings } from "@/lib/organizations/settings";
import { inOrg, type Tenant } from "@/lib/tenancy";
import type { AlertFormInput, TargetInput } from "./schemas";

type ActionDraft = { kind: AlertActionKind; config: AlertActionConfig; postId: string | null; targets: TargetInput[] };

const labels = (kind: AlertActionKind) => ({ labelFr: getTranslator("fr", "alerts.kinds")(kind), labelEn: getTranslator("en", "alerts.kinds")(kind) });

function at(value: string | null, timeZone: string) {
  if (!value) return null;
  const date = zonedToUtc(value, timeZone);
  if (!date) throw new AppError("bad_request", "Invalid date");
  return date;
}

// The form, checked against the workspace: its campaign, groups and post, times read in the
// workspace's time zone.
async function draft(tenant: Tenant, input: AlertFormInput) {
  const { timeZone } = await getOrganizationSettings(tenant);
  if (input.campaignId) {
    const [c] = await db.select({ id: campaigns.id }).from(campaigns).where(inOrg(campaigns, tenant, eq(campaigns.id, input.campaignId)));
    if (!c) throw new AppError("not_found", "Campaign not found");
  }
  if (input.audience === "groups") await assertGroupsInOrg(db, tenant, input.groupIds);
  if (input.share && input.sharePostId) {
    const [p] = await db.select({ id: posts.id }).from(posts).where(inOrg(posts, tenant, eq(posts.id, input.sharePostId)));
    if (!p) throw new AppError("not_found", "Post not found");
  }
  const audience: AlertAudience = input.audience === "roles" ? { kind: "roles", roles: input.roles } : input.audience === "groups" ? { kind: "groups", groupIds: [...new Set(input.groupIds)] } : { kind: "everyone" };
  const sendAt = input.when === "later" ? at(input.sendAt, timeZone)! : new Date();
  if (input.when === "later" && sendAt.getTime() < Date.now() - 60_000) throw new AppError("bad_request", "The time has passed");
  const actions: ActionDraft[] = [];
  if (input.share) actions.push({ kind: "share", config: { kind: "share", postId: input.sharePostId! }, postId: input.sharePostId, targets: [] });
  if (input.email)
    actions.push({ kind: "email", config: { kind: "email", subject: input.emailSubject!, letter: input.emailLetter!, sendMode: input.emailSendMode, matchBy: input.emailMatchBy }, postId: null, targets: input.emailTargets });
  if (input.call) actions.push({ kind: "call", config: { kind: "call", phone: input.callPhone, script: input.callScript! }, postId: null, targets: input.callTargets });
  if (input.link) actions.push({ kind: "link", config: { kind: "link", url: input.linkUrl! }, postId: null, targets: [] });
  if (input.event) {
    const startsAt = at(input.eventStartsAt, timeZone)!;
    const endsAt = at(input.eventEndsAt, timeZone) ?? new Date(startsAt.getTime() + 3600_000);
    actions.push({ kind: "event", config: { kind: "event", place: input.eventPlace!, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() }, postId: null, targets: [] });
  }
  const fields = {
    campaignId: input.campaignId,
    titleFr: input.titleFr,
    titleEn: input.titleEn,
    messageFr: input.messageFr,
    messageEn: input.messageEn,
    audience,
    channels: [...new Set(["in_app" as const, ...input.channels])],
    urgent: input.urgent,
    sendAt,
    endsAt: at(input.endsAt, timeZone),
    reminderHours: input.reminderHours,
    reminderMax: input.reminderHours ? input.reminderMax : 0,
  };
  return { fields, actions };
}

async function insertActions(tx: Transaction, tenant: Tenant, alertId: string, actions: ActionDraft[]) {
  for (const [position, a] of actions.entries()) {
    const [row] = await tx.insert(alertActions).values({ organizationId: tenant.orgId, alertId, position, kind: a.kind, config: a.config, postId: a.postId, ...labels(a.kind) }).returning({ id: alertActions.id });
    if (a.targets.length) await tx.insert(alertTargets).values(a.targets.map((t) => ({ organizationId: tenant.orgId, actionId: row.id, ...t })));
  }
}

// A new alert and, in its transaction, the event that schedules its fan-out (now or at its time).
export async function createAlert(tenant: Tenant, input: AlertFormInput) {
  const { fields, actions } = await draft(tenant, input);
  return db.transaction(async (tx) => {
    const [alert] = await tx.insert(alerts).values({ organizationId: tenant.orgId, createdBy: tenant.userId, status: "scheduled", ...fields }).returning();
    await insertActions(tx, tenant, alert.id, actions);
    await emit(tx, { type: "alert.scheduled", orgId: tenant.orgId, payload: { alertId: alert.id, sendAt: alert.sendAt.toISOString(), previousSendAt: null } });
    return { id: alert.id };
  });
}

// Editable until it goes: texts, audience, actions and time; a new time moves the delayed job.
export async function updateAlert(tenant: Tenant, input: AlertFormInput & { alertId: string }) {
  const { fields, actions } = await draft(tenant, input);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(alerts).where(inOrg(alerts, tenant, eq(alerts.id, input.alertId))).for("update");
    if (!before) throw new AppError("not_found", "Alert not found");
    if (before.status !== "scheduled") throw new AppError("conflict", "The alert has gone out");
    await tx.update(alerts).set(fields).where(eq(alerts.id, before.id));
    await tx.delete(alertActions).where(and(eq(alertActions.alertId, before.id), eq(alertActions.organizationId, tenant.orgId)));
    await insertActions(tx, tenant, before.id, actions);
    if (fields.sendAt.getTime() !== before.sendAt.getTime())
      await emit(tx, { type: "alert.scheduled", orgId: tenant.orgId, payload: { alertId: before.id, sendAt: fields.sendAt.toISOString(), previousSendAt: toInstant(before.sendAt) } });
    return { id: before.id };
  });
}

// Cancelling a scheduled alert removes its delayed job; one already out is ended instead
// (it leaves the feed and the inbox's top, and reminders stop).
export async function cancelAlert(tenant: Tenant, alertId: string) {
  return db.transaction(async (tx) => {
    const [alert] = await tx.select().from(alerts).where(inOrg(alerts, tenant, eq(alerts.id, alertId))).for("update");
    if (!alert) throw new AppError("not_found", "Alert not found");
    if (alert.status === "cancelled" || alert.status === "ended") return { status: alert.status };
    const status = alert.status === "scheduled" ? "cancelled" : "ended";
    await tx.update(alerts).set({ status, endsAt: status === "ended" ? new Date() : alert.endsAt }).where(eq(alerts.id, alert.id));
    if (status === "cancelled") await emit(tx, { type: "alert.cancelled", orgId: tenant.orgId, payload: { alertId: alert.id, sendAt: alert.sendAt.toISOString() } });
    return { status };
  });
}

