import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm, ConfirmActionForm } from "@/app/_components/action-form";
import { SubmitButton } from "@/app/_components/submit-button";
import { can } from "@/lib/auth/permissions";
import { requirePageTenant } from "@/lib/auth/session";
import { LOCALES } from "@/lib/i18n/locales";
import { addRssFeedAction, importRssFeedNowAction, removeRssFeedAction, setRssFeedEnabledAction } from "@/lib/rss/actions";
import { findCampaignChoices, findRssFeeds } from "@/lib/rss/queries";

export async function generateMetadata() {
  return { title: (await getTranslations("integrations"))("title") };
}

// Leads manage the blog feeds their drafts come from; admins read how previews treat private addresses.
export default async function IntegrationsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const tenant = await requirePageTenant(org, "campaigns.write");
  const [feeds, campaigns] = await Promise.all([findRssFeeds(tenant), findCampaignChoices(tenant)]);
  const t = await getTranslations("integrations");
  const format = await getFormatter();
  const errorText = (code: string) => (t.has(`rss.errors.${code}`) ? t(`rss.errors.${code}`) : code);

  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
      </div>

      {can(tenant.role, "org.settings") && (
        <section aria-labelledby="previews-title" className="card space-y-3">
          <h2 id="previews-title" className="text-lg font-semibold">{t("link_previews.title")}</h2>
          <p className="text-slate-700">{t("link_previews.body")}</p>
          <p className="text-sm text-slate-700">{t("link_previews.operator")}</p>
        </section>
      )}

      <section aria-labelledby="rss-title" className="card space-y-4">
        <div>
          <h2 id="rss-title" className="text-lg font-semibold">{t("rss.title")}</h2>
          <p className="text-slate-700">{t("rss.body")}</p>
        </div>

        <ActionForm
          action={addRssFeedAction}
          hidden={{ org }}
          success={t("rss.added")}
          errors={{ bad_request: t("rss.errors.url_invalid"), conflict: t("rss.errors.duplicate"), not_found: t("rss.errors.campaign_not_found") }}
          className="space-y-3"
        >
          <h3 className="font-semibold">{t("rss.add_title")}</h3>
          <div>
            <label htmlFor="feed-url" className="label">{t("rss.url")}</label>
            <input id="feed-url" name="url" type="url" inputMode="url" required placeholder={t("rss.url_placeholder")} className="input" />
          </div>
          <div className="grid gap-3 sm:grid-cols-2">
            <div>
              <label htmlFor="feed-locale" className="label">{t("rss.locale")}</label>
              <select id="feed-locale" name="locale" className="input" defaultValue="fr">
                {LOCALES.map((l) => (
                  <option key={l} value={l}>{t(`locales.${l}`)}</option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="feed-campaign" className="label">{t("rss.campaign")}</label>
              <select id="feed-campaign" name="campaignId" className="input" defaultValue="">
                <option value="">{t("rss.no_campaign")}</option>
                {campaigns.map((c) => (
                  <option key={c.id} value={c.id}>{c.name}</option>
                ))}
              </select>
            </div>
          </div>
          <SubmitButton>{t("rss.add")}</SubmitButton>
        </ActionForm>

        <h3 className="font-semibold">{t("rss.list_title")}</h3>
        {feeds.length === 0 ? (
          <p className="text-slate-700">{t("rss.empty")}</p>
        ) : (
          <ul className="space-y-3">
            {feeds.map((feed) => (
              <li key={feed.id} className="space-y-2 rounded-lg border border-slate-200 p-3">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    {feed.title && <p className="font-semibold text-slate-900">{feed.title}</p>}
                    <p className="break-all text-sm text-slate-700">{feed.url}</p>
                  </div>
                  <span className={`rounded-full px-2 py-0.5 text-sm font-medium ${feed.enabled ? "bg-green-100 text-green-900" : "bg-slate-200 text-slate-800"}`}>
                    {feed.enabled ? t("rss.enabled") : t("rss.disabled")}
                  </span>
                </div>
                <ul className="text-sm text-slate-700">
                  <li>{t("rss.language", { locale: t(`locales.${feed.locale}`) })}</li>
                  {feed.campaignName && <li>{t("rss.in_campaign", { name: feed.campaignName })}</li>}
                  <li>{t("rss.imported", { count: feed.imported })}</li>
                  <li>{feed.lastFetchedAt ? t("rss.last_fetched", { date: format.dateTime(feed.lastFetchedAt, { dateStyle: "medium", timeStyle: "short" }) }) : t("rss.never_fetched")}</li>
                  {feed.lastError && <li className="text-red-800">{t("rss.last_error", { error: errorText(feed.lastError) })}</li>}
                </ul>
                <div className="flex flex-wrap items-start gap-2">
                  {feed.enabled && (
                    <ActionForm action={importRssFeedNowAction} hidden={{ org, feedId: feed.id }} success={t("rss.import_queued")}>
                      <SubmitButton className="btn-secondary">{t("rss.import_now")}</SubmitButton>
                    </ActionForm>
                  )}
                  <ActionForm action={setRssFeedEnabledAction} hidden={{ org, feedId: feed.id, enabled: String(!feed.enabled) }}>
                    <SubmitButton className="btn-secondary">{feed.enabled ? t("rss.pause") : t("rss.resume")}</SubmitButton>
                  </ActionForm>
                  <ConfirmActionForm
                    action={removeRssFeedAction}
                    hidden={{ org, feedId: feed.id }}
                    trigger={t("rss.remove")}
                    title={t("rss.remove_title")}
                    body={t("rss.remove_body")}
                    confirm={t("rss.remove_confirm")}
                    cancel={t("rss.cancel")}
                    success={t("rss.removed")}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
