import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DashboardView } from "@/app/[org]/analytics/_components/dashboard-view";
import { PrintButton } from "@/app/[org]/analytics/_components/print-button";
import { scopeFrom } from "@/lib/analytics/period";
import { getCampaignForReport, getDashboard } from "@/lib/analytics/queries";
import { resolveReportToken } from "@/lib/analytics/report-links";
import { getOrganizationSettings } from "@/lib/organizations/settings";

export const metadata = { robots: { index: false, follow: false } };

// GET /r/<token>: a campaign report for people outside Relais, signed out. The token is the
// only key; revoked or expired links are a 404. No export, no controls, no member names
// beyond what the report shows.
export default async function SharedReportPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await resolveReportToken(token);
  if (!link) notFound();
  const tenant = { orgId: link.orgId };
  // The viewer's language (their cookie or browser), not the workspace's: they are outside it.
  const locale = (await getLocale()) === "en" ? "en" : "fr";
  const [settings, campaign] = await Promise.all([getOrganizationSettings(tenant), getCampaignForReport(tenant, link.campaignId, locale)]);
  const scope = scopeFrom({}, settings.timeZone, campaign);
  const [t, data] = await Promise.all([getTranslations("analytics"), getDashboard(tenant, scope, locale)]);
  return (
    <main className="mx-auto max-w-5xl space-y-4 p-4">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("report_title", { name: campaign.name })}</h1>
        <PrintButton label={t("print")} />
      </header>
      <p className="text-sm text-slate-700">{t("public_note", { org: settings.name })}</p>
      <p>{t("period")} : {scope.period.from} – {scope.period.to}</p>
      <DashboardView data={data} exportBase={null} />
    </main>
  );
}
