import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/db/schema/enums";
import { alertMessage, alertTitle, findOpenAlertsForMember } from "@/lib/alerts/queries";
import { nameInLocale } from "@/lib/campaigns/names";
import type { Tenant } from "@/lib/tenancy";

// Alerts the member has not finished, at the top of the feed and the inbox until every call
// to action is done or the alert ends.
export async function OpenAlerts({ tenant, org }: { tenant: Tenant; org: string }) {
  const rows = await findOpenAlertsForMember(tenant);
  if (!rows.length) return null;
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("alerts");
  return (
    <section aria-labelledby="open-alerts-title" className="space-y-2">
      <h2 id="open-alerts-title" className="sr-only">{t("open_alerts")}</h2>
      {rows.map((a) => (
        <article key={a.id} className={`rounded-xl border-2 p-3 ${a.urgent ? "border-red-700 bg-red-50" : "border-amber-600 bg-amber-50"}`}>
          {a.campaignName && <p className="text-sm font-semibold text-slate-800">{t("member.campaign", { name: nameInLocale(a.campaignName, a.campaignNameEn, locale) })}</p>}
          <h3 className="font-bold">{alertTitle(a, locale)}</h3>
          <p className="line-clamp-3 whitespace-pre-line text-slate-800">{alertMessage(a, locale)}</p>
          <Link href={`/${org}/alerts/${a.id}`} className="btn-primary mt-2 w-full sm:w-auto">{t("open_alerts")}</Link>
        </article>
      ))}
    </section>
  );
}
