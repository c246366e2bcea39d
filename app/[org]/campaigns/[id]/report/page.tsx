import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { orNotFound } from "@/app/_components/or-not-found";
import { DashboardView } from "@/app/[org]/analytics/_components/dashboard-view";
import { PeriodForm } from "@/app/[org]/analytics/_components/period-form";
import { PrintButton } from "@/app/[org]/analytics/_components/print-button";
import { requirePageTenant } from "@/lib/auth/session";
import { scopeFrom, scopeQueryString } from "@/lib/analytics/period";
import { getCampaignForReport, getDashboard } from "@/lib/analytics/queries";
import { findReportLinks } from "@/lib/analytics/report-links";
import { dashboardQuerySchema } from "@/lib/analytics/schemas";
import { parseQuery } from "@/lib/input";
import { getOrganizationSettings } from "@/lib/organizations/settings";
import { ReportLinks } from "./report-links";

export async function generateMetadata({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const tenant = await requirePageTenant(org, "analytics.read");
  const locale = (await getLocale()) === "en" ? "en" : "fr";
  const campaign = await orNotFound(getCampaignForReport(tenant, id, locale));
  return { title: (await getTranslations("analytics"))("report_title", { name: campaign.name }) };
}

// A campaign's dashboard, which is also its printable report (print stylesheet in
// globals.css: controls hidden, cards kept whole).
export default async function CampaignReportPage({ params, searchParams }: { params: Promise<{ org: string; id: string }>; searchParams: Promise<Record<string, string | string[]>> }) {
  const { org, id } = await params;
  const tenant = await requirePageTenant(org, "analytics.read");
  const locale = (await getLocale()) === "en" ? "en" : "fr";
  const campaign = await orNotFound(getCampaignForReport(tenant, id, locale));
  const query = parseQuery(dashboardQuerySchema, await searchParams);
  const { timeZone } = await getOrganizationSettings(tenant);
  const scope = scopeFrom(query, timeZone, campaign);
  const [t, format, data, links] = await Promise.all([getTranslations("analytics"), getFormatter(), getDashboard(tenant, scope, locale), findReportLinks(tenant, id)]);
  return (
    <section className="space-y-4">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("report_title", { name: campaign.name })}</h1>
        <PrintButton label={t("print")} />
      </header>
      <p className="hidden print:block">{t("period")} : {scope.period.from} – {scope.period.to}</p>
      <PeriodForm scope={scope} />
      <DashboardView data={data} exportBase={`/api/orgs/${org}/analytics/export?${scopeQueryString(scope)}`} />
      <ReportLinks
        org={org}
        campaignId={id}
        links={links.map((l) => ({ id: l.id, revoked: Boolean(l.revokedAt), expires: format.dateTime(l.expiresAt, { dateStyle: "medium", timeZone }) }))}
      />
    </section>
  );
}
