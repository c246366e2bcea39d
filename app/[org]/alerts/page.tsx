import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/db/schema/enums";
import { alertTitle, findAlerts } from "@/lib/alerts/queries";
import { requirePageTenant } from "@/lib/auth/session";
import { formatInZone } from "@/lib/calendar/format";
import { getOrganizationSettings } from "@/lib/organizations/settings";

export async function generateMetadata() {
  return { title: (await getTranslations("alerts"))("title") };
}

export default async function AlertsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const tenant = await requirePageTenant(org, "alerts.write");
  const locale = (await getLocale()) as Locale;
  const [t, rows, { timeZone }] = await Promise.all([getTranslations("alerts"), findAlerts(tenant), getOrganizationSettings(tenant)]);
  return (
    <section className="mx-auto max-w-2xl space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <Link href={`/${org}/alerts/new`} className="btn-primary">{t("new")}</Link>
      </div>
      {rows.length === 0 ? (
        <p className="card text-slate-700">{t("empty")}</p>
      ) : (
        <ul className="card divide-y divide-slate-200 p-0">
          {rows.map((a) => (
            <li key={a.id} className="p-3">
              <Link href={`/${org}/alerts/${a.id}/live`} className="block min-h-11 font-semibold text-blue-800 underline">{alertTitle(a, locale)}</Link>
              <p className="text-sm text-slate-700">
                {t(`status.${a.status}`)} · <time dateTime={a.sendAt.toISOString()}>{formatInZone(a.sendAt, locale, timeZone)}</time>
                {a.urgent ? " · ⚡" : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
