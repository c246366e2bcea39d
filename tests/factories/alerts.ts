import { db } from "@/db/client";
import { alertActions, alerts, alertTargets, chatWebhooks, type AlertActionConfig, type AlertAudience, type NotificationChannelName } from "@/db/schema";

type ActionSpec = { config: AlertActionConfig; targets?: { name: string; email?: string; phone?: string; district?: string }[] };

// An alert already out (status "sent") with its calls to action, straight into the tables.
export async function createSentAlert(
  org: { id: string },
  options: { actions?: ActionSpec[]; audience?: AlertAudience; channels?: NotificationChannelName[]; status?: "scheduled" | "sending" | "sent"; urgent?: boolean; sendAt?: Date } = {},
) {
  const [alert] = await db
    .insert(alerts)
    .values({
      organizationId: org.id,
      titleFr: "Le projet de loi est en commission demain",
      titleEn: "The bill is in committee tomorrow",
      messageFr: "Écrivez à votre député·e.",
      messageEn: "Email your member of the National Assembly.",
      audience: options.audience ?? { kind: "everyone" },
      channels: options.channels ?? ["in_app"],
      urgent: options.urgent ?? false,
      status: options.status ?? "sent",
      sendAt: options.sendAt ?? new Date(),
    })
    .returning();
  const actions = [];
  for (const [position, spec] of (options.actions ?? [{ config: { kind: "call", phone: "+15145550100", script: "Bonjour" } as AlertActionConfig }]).entries()) {
    const [action] = await db
      .insert(alertActions)
      .values({ organizationId: org.id, alertId: alert.id, position, kind: spec.config.kind, labelFr: spec.config.kind, labelEn: spec.config.kind, config: spec.config, postId: spec.config.kind === "share" ? spec.config.postId : null })
      .returning();
    const targets = spec.targets?.length
      ? await db.insert(alertTargets).values(spec.targets.map((t) => ({ organizationId: org.id, actionId: action.id, name: t.name, email: t.email ?? null, phone: t.phone ?? null, district: t.district ?? null }))).returning()
      : [];
    actions.push({ ...action, targets });
  }
  return { alert, actions };
}

export async function createChatWebhook(org: { id: string }, kind: "slack" | "teams", url: string, groupId: string | null = null) {
  const [hook] = await db.insert(chatWebhooks).values({ organizationId: org.id, kind, url, groupId }).returning();
  return hook;
}
