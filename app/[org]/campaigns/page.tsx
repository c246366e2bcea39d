import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePageTenant } from "@/lib/auth/session";
import { formatInZone } from "@/lib/calendar/format";
import { findCampaigns } from "@/lib/campaigns/queries";
import { getOrganizationSettings } from "@/lib/organizations/settings";
import { StatusBadge } from "./_components/status-badge";

export async function generateMetadata() {
  return { title: (await getTranslations("campaigns"))("title") };
}

export default async function CampaignsPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<{ archived?: string }> }) {
  const { org } = await params;
  const { archived } = await searchParams;
  const tenant = await requirePageTenant(org, "campaigns.write");
  const [t, locale, { timeZone }, rows] = await Promise.all([getTranslations("campaigns"), getLocale(), getOrganizationSettings(tenant), findCampaigns(tenant, { includeArchived: archived === "1" })]);
  const day = (d: Date | null) => (d ? formatInZone(d, locale, timeZone, { dateStyle: "medium" }) : "…");
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <div className="flex flex-wrap gap-2">
          <Link href={`/${org}/campaigns/calendar`} className="btn-secondary">{t("calendar_link")}</Link>
          <Link href={`/${org}/campaigns/new`} className="btn-primary">{t("new")}</Link>
        </div>
      </div>
      {rows.length === 0 ? (
        <p className="card text-slate-700">{t("empty")}</p>
      ) : (
        <ul className="space-y-3">
          {rows.map(({ campaign, postCount, momentCount }) => (
            <li key={campaign.id} className="card space-y-2">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h2 className="text-lg font-semibold">
                  <Link href={`/${org}/campaigns/${campaign.id}`} className="text-blue-800 underline-offset-2 hover:underline">{campaign.name}</Link>
                </h2>
                <StatusBadge kind="campaign" status={campaign.status} />
              </div>
              <p className="text-sm text-slate-700">
                {campaign.startsAt || campaign.endsAt ? t("dates", { start: day(campaign.startsAt), end: day(campaign.endsAt) }) : t("no_dates")}
                {" · "}
                {t("counts", { posts: postCount, moments: momentCount })}
              </p>
              {campaign.hashtags.length > 0 && <p className="text-sm text-slate-800">{campaign.hashtags.join(" ")}</p>}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link href={`/${org}/campaigns${archived === "1" ? "" : "?archived=1"}`} className="inline-flex min-h-11 items-center text-blue-800 underline">
          {archived === "1" ? t("hide_archived") : t("show_archived")}
        </Link>
      </p>
    </section>
  );
}
