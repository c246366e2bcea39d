import { and, asc, desc, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { alertActions, alertActionStates, alerts, alertTargets, campaigns, notificationDeliveries, notificationPreferences, notifications, users, type Alert, type AlertAction, type AlertTarget } from "@/db/schema";
import type { Locale } from "@/db/schema/enums";
import { AppError } from "@/lib/errors";
import { inOrg, type Tenant } from "@/lib/tenancy";
import { isInAudience } from "./audience";
import { sameDistrict } from "./links";

export const alertKey = (alertId: string) => `alert-${alertId}`;

export async function getAlertOrThrow(tenant: Pick<Tenant, "orgId">, id: string): Promise<Alert> {
  const [alert] = await db.select().from(alerts).where(inOrg(alerts, tenant, eq(alerts.id, id)));
  if (!alert) throw new AppError("not_found", "Alert not found");
  return alert;
}

export type ActionWithTargets = AlertAction & { targets: AlertTarget[] };

export async function findAlertActions(tenant: Pick<Tenant, "orgId">, alertId: string): Promise<ActionWithTargets[]> {
  const actions = await db.select().from(alertActions).where(inOrg(alertActions, tenant, eq(alertActions.alertId, alertId))).orderBy(asc(alertActions.position));
  const targets = actions.length ? await db.select().from(alertTargets).where(inOrg(alertTargets, tenant, inArray(alertTargets.actionId, actions.map((a) => a.id)))).orderBy(asc(alertTargets.name)) : [];
  return actions.map((a) => ({ ...a, targets: targets.filter((t) => t.actionId === a.id) }));
}

// The lead's list: newest first.
export async function findAlerts(tenant: Tenant) {
  return db.select().from(alerts).where(inOrg(alerts, tenant)).orderBy(desc(alerts.sendAt)).limit(100);
}

const isOpen = (now = new Date()) => and(inArray(alerts.status, ["sending", "sent"]), or(isNull(alerts.endsAt), gt(alerts.endsAt, now)));

// Alerts a member received (their inbox holds it) that are still open and that they have not
// finished: shown at the top of the feed and the inbox.
export async function findOpenAlertsForMember(tenant: Tenant) {
  if (!tenant.userId || !tenant.membershipId) return [];
  return db
    .select({
      id: alerts.id,
      titleFr: alerts.titleFr,
      titleEn: alerts.titleEn,
      messageFr: alerts.messageFr,
      messageEn: alerts.messageEn,
      urgent: alerts.urgent,
      sendAt: alerts.sendAt,
      campaignName: campaigns.name,
      campaignNameEn: campaigns.nameEn,
    })
    .from(alerts)
    .leftJoin(campaigns, eq(campaigns.id, alerts.campaignId))
    .innerJoin(notifications, and(eq(notifications.userId, tenant.userId), eq(notifications.dedupeKey, sql`'alert-' || ${alerts.id}`)))
    .where(
      inOrg(
        alerts,
        tenant,
        isOpen(),
        sql`(select count(*) from ${alertActions} a where a.alert_id = ${alerts.id}) > (select count(*) from ${alertActionStates} s where s.alert_id = ${alerts.id} and s.membership_id = ${tenant.membershipId})`,
      ),
    )
    .orderBy(desc(alerts.urgent), desc(alerts.sendAt))
    .limit(10);
}

export async function getMemberPreferences(tenant: Tenant) {
  if (!tenant.membershipId) return null;
  const [row] = await db.select().from(notificationPreferences).where(inOrg(notificationPreferences, tenant, eq(notificationPreferences.membershipId, tenant.membershipId)));
  return row ?? null;
}

// One alert as a member sees it: open to its audience once it went out, with each call to
// action's state for them and the decision-makers matched to their district.
export async function getMemberAlert(tenant: Tenant, alertId: string) {
  const alert = await getAlertOrThrow(tenant, alertId);
  if (!tenant.membershipId || !tenant.userId) throw new AppError("not_found", "Alert not found");
  const lead = alert.createdBy === tenant.userId || ["owner", "admin", "lead"].includes(tenant.role);
  if (alert.status === "scheduled" || alert.status === "cancelled" || (!lead && !(await isInAudience(alert, tenant.membershipId)))) throw new AppError("not_found", "Alert not found");
  const [actions, states, prefs, [me]] = await Promise.all([
    findAlertActions(tenant, alertId),
    db.select().from(alertActionStates).where(inOrg(alertActionStates, tenant, eq(alertActionStates.alertId, alertId), eq(alertActionStates.membershipId, tenant.membershipId))),
    getMemberPreferences(tenant),
    db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, tenant.userId)),
  ]);
  const district = prefs?.district ?? null;
  const open = alert.status !== "ended" && (!alert.endsAt || alert.endsAt > new Date());
  return {
    alert,
    open,
    district,
    me: me ?? { name: null, email: "" },
    actions: actions.map((a) => {
      const state = states.find((s) => s.actionId === a.id) ?? null;
      const matched = a.targets.filter((t) => sameDistrict(t.district, district));
      return { ...a, state, matched };
    }),
  };
}

// The member opened the alert: its inbox entry is read and every channel that carried it
// counts as opened (pixel-free: opened means seen in Relais or a link in it followed).
export async function markAlertViewed(tenant: Tenant, alertId: string) {
  if (!tenant.userId) return;
  const key = alertKey(alertId);
  const now = new Date();
  await db.update(notifications).set({ readAt: now }).where(inOrg(notifications, tenant, eq(notifications.userId, tenant.userId), eq(notifications.dedupeKey, key), isNull(notifications.readAt)));
  await db
    .update(notificationDeliveries)
    .set({ openedAt: now })
    .where(inOrg(notificationDeliveries, tenant, eq(notificationDeliveries.userId, tenant.userId), eq(notificationDeliveries.dedupeKey, key), isNull(notificationDeliveries.openedAt)));
}

export const alertTitle = (a: { titleFr: string; titleEn: string }, locale: Locale) => (locale === "en" ? a.titleEn || a.titleFr : a.titleFr || a.titleEn);
export const alertMessage = (a: { messageFr: string; messageEn: string }, locale: Locale) => (locale === "en" ? a.messageEn || a.messageFr : a.messageFr || a.messageEn);
