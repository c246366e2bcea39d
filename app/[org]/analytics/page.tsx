import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePageTenant } from "@/lib/auth/session";
import { scopeFrom, scopeQueryString } from "@/lib/analytics/period";
import { getDashboard } from "@/lib/analytics/queries";
import { dashboardQuerySchema } from "@/lib/analytics/schemas";
import { nameInLocale } from "@/lib/campaigns/names";
import { findCampaigns } from "@/lib/campaigns/queries";
import { parseQuery } from "@/lib/input";
import { getOrganizationSettings } from "@/lib/organizations/settings";
import { DashboardView } from "./_components/dashboard-view";
import { PeriodForm } from "./_components/period-form";
import { PrintButton } from "./_components/print-button";

export async function generateMetadata() {
  const t = await getTranslations("analytics");
  return { title: t("title") };
}

// The organisation's dashboard: every campaign together, read from the rollups.
export default async function AnalyticsPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | string[]>> }) {
  const { org } = await params;
  const tenant = await requirePageTenant(org, "analytics.read");
  const query = parseQuery(dashboardQuerySchema, await searchParams);
  const { timeZone } = await getOrganizationSettings(tenant);
  const scope = scopeFrom(query, timeZone);
  const locale = (await getLocale()) === "en" ? "en" : "fr";
  const [t, data, campaigns] = await Promise.all([getTranslations("analytics"), getDashboard(tenant, scope, locale), findCampaigns(tenant)]);
  return (
    <section className="space-y-4">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <PrintButton label={t("print")} />
      </header>
      <PeriodForm scope={scope} />
      <DashboardView data={data} exportBase={`/api/orgs/${org}/analytics/export?${scopeQueryString(scope)}`} />
      {campaigns.length > 0 ? (
        <section aria-labelledby="campaign-reports" className="card space-y-2 print:hidden">
          <h2 id="campaign-reports" className="text-lg font-semibold">{t("campaigns_title")}</h2>
          <ul className="space-y-1">
            {campaigns.map(({ campaign: c }) => (
              <li key={c.id}>
                <Link className="text-blue-800 underline" href={`/${org}/campaigns/${c.id}/report`}>{nameInLocale(c.name, c.nameEn, locale)}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
