import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/app/_components/action-form";
import { SubmitButton } from "@/app/_components/submit-button";
import { requirePageTenant } from "@/lib/auth/session";
import { findGroups } from "@/lib/groups/queries";
import { addChatWebhookAction, removeChatWebhookAction } from "@/lib/notifications/preference-actions";
import { findChatWebhooks } from "@/lib/notifications/preferences";

export async function generateMetadata() {
  return { title: (await getTranslations("alerts"))("webhooks.title") };
}

// Slack and Teams incoming webhooks, for the organisation or one group: alerts post there.
export default async function ChatWebhooksPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const tenant = await requirePageTenant(org, "org.settings");
  const [t, hooks, groups] = await Promise.all([getTranslations("alerts.webhooks"), findChatWebhooks(tenant), findGroups(tenant)]);
  const groupName = (id: string | null) => groups.find((g) => g.id === id)?.name ?? t("whole_org");
  return (
    <section className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {hooks.length === 0 ? (
        <p className="card">{t("empty")}</p>
      ) : (
        <ul className="card divide-y divide-slate-200 p-0">
          {hooks.map((h) => (
            <li key={h.id} className="flex items-center justify-between gap-2 p-3">
              <span>{h.kind} · {h.label ?? new URL(h.url).hostname} · {groupName(h.groupId)}</span>
              <ActionForm action={removeChatWebhookAction} hidden={{ org, webhookId: h.id }}>
                <SubmitButton className="btn-secondary">{t("remove")}</SubmitButton>
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
      <ActionForm action={addChatWebhookAction} hidden={{ org }} className="card space-y-3">
        <div>
          <label htmlFor="kind" className="label">{t("kind")}</label>
          <select id="kind" name="kind" className="input"><option value="slack">Slack</option><option value="teams">Microsoft Teams</option></select>
        </div>
        <div>
          <label htmlFor="url" className="label">{t("url")}</label>
          <input id="url" name="url" type="url" required className="input" />
        </div>
        <div>
          <label htmlFor="groupId" className="label">{t("group")}</label>
          <select id="groupId" name="groupId" className="input">
            <option value="">{t("whole_org")}</option>
            {groups.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="label" className="label">{t("label")}</label>
          <input id="label" name="label" maxLength={100} className="input" />
        </div>
        <SubmitButton className="btn-primary w-full sm:w-auto">{t("add")}</SubmitButton>
      </ActionForm>
    </section>
  );
}
