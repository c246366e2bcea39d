import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ConfirmActionForm } from "@/app/_components/action-form";
import { orNotFound } from "@/app/_components/or-not-found";
import type { Locale } from "@/db/schema/enums";
import { cancelAlertAction } from "@/lib/alerts/actions";
import { alertMessage, alertTitle, getAlertOrThrow } from "@/lib/alerts/queries";
import { alertStats } from "@/lib/alerts/stats";
import { requirePageTenant } from "@/lib/auth/session";
import { LiveStats } from "../../_components/live-stats";

export async function generateMetadata() {
  return { title: (await getTranslations("alerts"))("live.title") };
}

// The lead's live view of one alert: fan-out, channels, acted per call to action, letters
// per target, failures; it updates without reload from any web process.
export default async function AlertLivePage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const tenant = await requirePageTenant(org, "alerts.write");
  const alert = await orNotFound(getAlertOrThrow(tenant, id));
  const locale = (await getLocale()) as Locale;
  const [t, stats] = await Promise.all([getTranslations("alerts"), alertStats(tenant, id)]);
  const live = alert.status === "scheduled" || alert.status === "sending" || alert.status === "sent";
  return (
    <section className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{alertTitle(alert, locale)}</h1>
      <p className="whitespace-pre-line text-slate-800">{alertMessage(alert, locale)}</p>
      {alert.status !== "scheduled" && <Link href={`/${org}/alerts/${id}`} className="inline-flex min-h-11 items-center text-blue-800 underline">{t("open_alerts")}</Link>}
      {alert.status === "scheduled" && <Link href={`/${org}/alerts/${id}/edit`} className="btn-secondary">{t("form.edit")}</Link>}
      <LiveStats org={org} alertId={id} initial={stats} locale={locale} />
      {live && (
        <ConfirmActionForm
          action={cancelAlertAction}
          hidden={{ org, alertId: id }}
          trigger={alert.status === "scheduled" ? t("form.cancel") : t("form.end")}
          title={alert.status === "scheduled" ? t("form.cancel") : t("form.end")}
          body={alertTitle(alert, locale)}
          confirm={alert.status === "scheduled" ? t("form.cancel") : t("form.end")}
          cancel={t("form.keep")}
        />
      )}
    </section>
  );
}
