import { and, eq } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { alertActions, alertActionStates, alertLetters, alerts, alertTargets, memberships, notificationPreferences, users, type Alert, type AlertAction } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { emit } from "@/lib/jobs/outbox";
import { inOrg, type Tenant } from "@/lib/tenancy";
import { isInAudience } from "./audience";
import { sameDistrict, signLetter } from "./links";
import { getAlertOrThrow } from "./queries";
import { ACTION_OUTCOMES } from "./schemas";
import { publishAlertStats } from "./stats";

function member(tenant: Tenant) {
  if (!tenant.membershipId || !tenant.userId) throw new AppError("forbidden", "Only a member can act");
  return { membershipId: tenant.membershipId, userId: tenant.userId };
}

// The alert must be out and still open, and the member in its audience.
export async function openActionOrThrow(tenant: Tenant, actionId: string): Promise<{ alert: Alert; action: AlertAction }> {
  const { membershipId } = member(tenant);
  const [action] = await db.select().from(alertActions).where(inOrg(alertActions, tenant, eq(alertActions.id, actionId)));
  if (!action) throw new AppError("not_found", "Call to action not found");
  const alert = await getAlertOrThrow(tenant, action.alertId);
  if (alert.status === "scheduled" || alert.status === "cancelled" || !(await isInAudience(alert, membershipId))) throw new AppError("not_found", "Call to action not found");
  if (alert.status === "ended" || (alert.endsAt && alert.endsAt <= new Date())) throw new AppError("gone", "The alert has ended");
  return { alert, action };
}

// Records the member's "done" once and, in the same transaction, `action.completed` (contests
// and analytics count it). Doing it again changes nothing and emits nothing.
export async function recordDone(tx: Transaction, tenant: Tenant, action: AlertAction, outcome: string, targetId: string | null) {
  const { membershipId, userId } = member(tenant);
  const [row] = await tx
    .insert(alertActionStates)
    .values({ organizationId: tenant.orgId, alertId: action.alertId, actionId: action.id, membershipId, outcome, targetId })
    .onConflictDoNothing()
    .returning({ actionId: alertActionStates.actionId });
  if (row) {
    // The alert's campaign, so a campaign's report counts the actions its alerts brought.
    const [alert] = await tx.select({ campaignId: alerts.campaignId }).from(alerts).where(eq(alerts.id, action.alertId));
    await emit(tx, { type: "action.completed", orgId: tenant.orgId, payload: { alertId: action.alertId, actionId: action.id, membershipId, userId, kind: action.kind, campaignId: alert?.campaignId ?? null } });
  }
  else if (action.kind === "event") {
    // An RSVP may change its answer.
    await tx.update(alertActionStates).set({ outcome }).where(and(eq(alertActionStates.actionId, action.id), eq(alertActionStates.membershipId, membershipId)));
  }
  return !!row;
}

async function targetOfAction(tenant: Tenant, action: AlertAction, targetId: string | null) {
  if (!targetId) return null;
  const [t] = await db.select().from(alertTargets).where(inOrg(alertTargets, tenant, eq(alertTargets.id, targetId), eq(alertTargets.actionId, action.id)));
  if (!t) throw new AppError("not_found", "Target not found");
  return t;
}

// One tap: shared, called (with its outcome), clicked, RSVP, or "I sent it" from my own mail app.
export async function completeAction(tenant: Tenant, input: { actionId: string; outcome: string; targetId: string | null }) {
  const { action } = await openActionOrThrow(tenant, input.actionId);
  if (!(ACTION_OUTCOMES[action.kind] as readonly string[]).includes(input.outcome)) throw new AppError("bad_request", "Not an outcome of this call to action");
  const target = await targetOfAction(tenant, action, input.targetId);
  const created = await db.transaction(async (tx) => {
    const done = await recordDone(tx, tenant, action, input.outcome, target?.id ?? null);
    // A letter sent from the member's own mail counts for its decision-maker(s) too.
    if (done && action.kind === "email" && action.config.kind === "email" && action.config.sendMode === "mail_app") {
      const to = target ? [target] : await db.select().from(alertTargets).where(inOrg(alertTargets, tenant, eq(alertTargets.actionId, action.id)));
      if (to.length)
        await tx
          .insert(alertLetters)
          .values(to.map((t) => ({ organizationId: tenant.orgId, alertId: action.alertId, actionId: action.id, targetId: t.id, membershipId: tenant.membershipId!, via: "mail_app", subject: action.config.kind === "email" ? action.config.subject : "", body: "", status: "sent", sentAt: new Date() })))
          .onConflictDoNothing();
    }
    return done;
  });
  await publishAlertStats(tenant.orgId, action.alertId);
  return { done: true, created };
}

// The decision-makers a member's letter goes to: the one of their district when the lead
// matches by district (or the one they picked), else every listed target.
export async function lettersTargets(tenant: Tenant, action: AlertAction, pickedId: string | null) {
  const targets = await db.select().from(alertTargets).where(inOrg(alertTargets, tenant, eq(alertTargets.actionId, action.id)));
  if (pickedId) {
    const picked = targets.find((t) => t.id === pickedId);
    if (!picked) throw new AppError("not_found", "Target not found");
    return [picked];
  }
  if (action.config.kind === "email" && action.config.matchBy === "all") return targets;
  const [prefs] = await db.select({ district: notificationPreferences.district }).from(notificationPreferences).where(inOrg(notificationPreferences, tenant, eq(notificationPreferences.membershipId, tenant.membershipId!)));
  const matched = targets.filter((t) => sameDistrict(t.district, prefs?.district));
  if (!matched.length) throw new AppError("bad_request", "Pick your representative");
  return matched;
}

// "Send it for me": the letter (edited by the member, signed with their name) becomes one
// row per decision-maker and, in the same transaction, the event whose job sends it over
// SMTP with the member as Reply-To; the call to action is done.
export async function sendLetter(tenant: Tenant, input: { actionId: string; subject: string; body: string; targetId: string | null }) {
  const { action } = await openActionOrThrow(tenant, input.actionId);
  if (action.config.kind !== "email" || action.config.sendMode !== "relais") throw new AppError("bad_request", "This letter is sent from your own mail");
  const targets = await lettersTargets(tenant, action, input.targetId);
  const [me] = await db.select({ name: users.name }).from(users).where(eq(users.id, tenant.userId!));
  const body = signLetter(input.body, me?.name ?? null);
  const count = await db.transaction(async (tx) => {
    const rows = await tx
      .insert(alertLetters)
      .values(targets.map((t) => ({ organizationId: tenant.orgId, alertId: action.alertId, actionId: action.id, targetId: t.id, membershipId: tenant.membershipId!, via: "relais", subject: input.subject, body })))
      .onConflictDoNothing()
      .returning({ id: alertLetters.id });
    for (const r of rows) await emit(tx, { type: "alert.letter.requested", orgId: tenant.orgId, payload: { letterId: r.id } });
    await recordDone(tx, tenant, action, "sent", targets.length === 1 ? targets[0].id : null);
    return rows.length;
  });
  await publishAlertStats(tenant.orgId, action.alertId);
  return { letters: count };
}

// The set district that matches a member to their representative.
export async function setDistrict(tenant: Tenant, district: string) {
  const { membershipId, userId } = member(tenant);
  await db
    .insert(notificationPreferences)
    .values({ organizationId: tenant.orgId, membershipId, userId, district })
    .onConflictDoUpdate({ target: notificationPreferences.membershipId, set: { district } });
  return { district };
}

// After a share (share.recorded): every open alert asking this member to share this post
// counts it as done.
export async function markSharesDone(orgId: string, postId: string, userId: string) {
  const [m] = await db.select().from(memberships).where(and(eq(memberships.organizationId, orgId), eq(memberships.userId, userId)));
  if (!m) return { done: 0 };
  const tenant: Tenant = { orgId, orgSlug: "", userId, membershipId: m.id, role: m.role };
  const actions = await db
    .select({ action: alertActions })
    .from(alertActions)
    .innerJoin(alerts, eq(alerts.id, alertActions.alertId))
    .where(and(eq(alertActions.organizationId, orgId), eq(alertActions.kind, "share"), eq(alertActions.postId, postId)));
  let done = 0;
  for (const { action } of actions) {
    try {
      await openActionOrThrow(tenant, action.id);
    } catch {
      continue;
    }
    if (await db.transaction((tx) => recordDone(tx, tenant, action, "shared", null))) {
      done++;
      await publishAlertStats(orgId, action.alertId);
    }
  }
  return { done };
}
