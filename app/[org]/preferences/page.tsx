import { getLocale, getTranslations } from "next-intl/server";
import { ActionForm } from "@/app/_components/action-form";
import { SubmitButton } from "@/app/_components/submit-button";
import { getMemberPreferences } from "@/lib/alerts/queries";
import { requirePageTenant } from "@/lib/auth/session";
import { formatInZone } from "@/lib/calendar/format";
import { findEmailBounce } from "@/lib/notifications/bounces";
import { DEFAULT_CHANNELS } from "@/lib/notifications/deliveries";
import { savePreferencesAction, subscribePushAction, unsubscribePushAction } from "@/lib/notifications/preference-actions";
import { getVapidKeys } from "@/lib/notifications/secrets";
import { getOrganizationSettings } from "@/lib/organizations/settings";
import { PushToggle } from "./push-toggle";

export async function generateMetadata() {
  return { title: (await getTranslations("alerts"))("preferences.title") };
}

// A member's channels, quiet hours, digest and district for this workspace.
export default async function PreferencesPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const tenant = await requirePageTenant(org, "org.read");
  const [t, prefs, { timeZone }, vapid, bounce, locale] = await Promise.all([
    getTranslations("alerts.preferences"),
    getMemberPreferences(tenant),
    getOrganizationSettings(tenant),
    getVapidKeys(),
    tenant.userId ? findEmailBounce(tenant.userId) : null,
    getLocale(),
  ]);
  const channels = prefs?.channels ?? DEFAULT_CHANNELS;
  return (
    <section className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <section className="card space-y-2" aria-labelledby="push-title">
        <h2 id="push-title" className="font-semibold">{t("push")}</h2>
        <PushToggle org={org} vapidKey={vapid.publicKey} subscribe={subscribePushAction} unsubscribe={unsubscribePushAction} />
      </section>
      <ActionForm action={savePreferencesAction} hidden={{ org }} success={t("saved")} className="card space-y-3">
        <fieldset className="space-y-1">
          <legend className="font-semibold">{t("channels")}</legend>
          <p className="text-sm text-slate-700">{t("in_app_always")}</p>
          <label className="flex min-h-11 items-center gap-2"><input type="checkbox" name="channels" value="email" defaultChecked={channels.includes("email")} />{t("email")}</label>
          <label className="flex min-h-11 items-center gap-2"><input type="checkbox" name="channels" value="push" defaultChecked={channels.includes("push")} />{t("push")}</label>
          <label className="flex min-h-11 items-center gap-2"><input type="checkbox" name="emailSubscribed" defaultChecked={!prefs?.emailUnsubscribedAt} />{t("email_subscribed")}</label>
          {bounce && (
            <div role="status" className="rounded border-l-4 border-amber-600 bg-amber-50 p-2 text-sm">
              <p>{t("email_bounced", { email: bounce.email, reason: bounce.reason, date: formatInZone(bounce.bouncedAt, locale, prefs?.timeZone ?? timeZone, { dateStyle: "long" }) })}</p>
              <label className="flex min-h-11 items-center gap-2"><input type="checkbox" name="emailRetry" />{t("email_retry")}</label>
            </div>
          )}
        </fieldset>
        <div>
          <label htmlFor="timeZone" className="label">{t("time_zone")}</label>
          <input id="timeZone" name="timeZone" defaultValue={prefs?.timeZone ?? timeZone} maxLength={64} className="input" />
        </div>
        <fieldset className="space-y-1">
          <legend className="font-semibold">{t("quiet_hours")}</legend>
          <div className="grid grid-cols-2 gap-3">
            <div>
              <label htmlFor="quietStart" className="label">{t("quiet_start")}</label>
              <input id="quietStart" name="quietStart" type="time" defaultValue={prefs?.quietStart ?? ""} className="input" />
            </div>
            <div>
              <label htmlFor="quietEnd" className="label">{t("quiet_end")}</label>
              <input id="quietEnd" name="quietEnd" type="time" defaultValue={prefs?.quietEnd ?? ""} className="input" />
            </div>
          </div>
        </fieldset>
        <div>
          <label htmlFor="postDigest" className="label">{t("digest")}</label>
          <select id="postDigest" name="postDigest" defaultValue={prefs?.postDigest ?? "immediate"} className="input">
            <option value="immediate">{t("digest_immediate")}</option>
            <option value="daily">{t("digest_daily")}</option>
            <option value="weekly">{t("digest_weekly")}</option>
          </select>
        </div>
        <div>
          <label htmlFor="district" className="label">{t("district")}</label>
          <input id="district" name="district" defaultValue={prefs?.district ?? ""} maxLength={200} className="input" />
        </div>
        <SubmitButton className="btn-primary w-full sm:w-auto">{t("save")}</SubmitButton>
      </ActionForm>
    </section>
  );
}
