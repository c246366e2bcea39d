import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePageTenant } from "@/lib/auth/session";
import { findMemberImpact } from "@/lib/shares/queries";
import { getMemberImpact } from "@/lib/analytics/queries";
import { findDeclaredAudiences } from "@/lib/analytics/report-links";
import { AudienceForm } from "./audience-form";

export async function generateMetadata() {
  const t = await getTranslations("impact");
  return { title: t("title") };
}

// A member's own shares and the clicks each earned (their tracked links), with totals.
export default async function ImpactPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const tenant = await requirePageTenant(org, "shares.write");
  const locale = (await getLocale()) === "en" ? "en" : "fr";
  const [rows, t, tShare, format, tAnalytics, estimates, audiences] = await Promise.all([
    findMemberImpact(tenant, locale),
    getTranslations("impact"),
    getTranslations("share"),
    getFormatter(),
    getTranslations("analytics"),
    // The same rollups and definitions as the dashboards, over every day so far.
    getMemberImpact(tenant, { from: "2000-01-01", to: new Date().toISOString().slice(0, 10) }),
    findDeclaredAudiences(tenant),
  ]);
  const totals = rows.reduce((sum, row) => ({ shares: sum.shares + row.shares, clicks: sum.clicks + row.clicks, unique: sum.unique + row.uniqueClicks }), {
    shares: 0,
    clicks: 0,
    unique: 0,
  });
  const stats = [
    { key: "shares", label: t("shares"), value: totals.shares },
    { key: "clicks", label: t("clicks"), value: totals.clicks },
    { key: "unique", label: t("unique_clicks"), value: totals.unique },
  ];
  return (
    <section className="space-y-5">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
      </header>

      <section aria-labelledby="totals-title">
        <h2 id="totals-title" className="sr-only">{t("totals_label")}</h2>
        <dl className="grid grid-cols-3 gap-2">
          {stats.map((stat) => (
            <div key={stat.key} className="card flex flex-col justify-between text-center">
              <dt className="text-sm text-slate-700">{stat.label}</dt>
              <dd className="text-3xl font-bold tabular-nums">{format.number(stat.value)}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-2 text-sm text-slate-700" data-testid="impact-estimates">
          {tAnalytics("my_impact_estimates", {
            reach: format.number(estimates.reach),
            impressions: format.number(estimates.impressions),
            emv: format.number(estimates.emv, { style: "currency", currency: "EUR", maximumFractionDigits: 0 }),
          })}
        </p>
      </section>

      <AudienceForm org={org} audiences={audiences} />

      <section aria-labelledby="shares-title" className="space-y-2">
        <h2 id="shares-title" className="text-lg font-semibold">{t("list_title")}</h2>
        {rows.length === 0 ? (
          <div className="card space-y-2">
            <p className="text-slate-700">{t("empty")}</p>
            <Link href={`/${org}`} className="btn-primary">{t("to_feed")}</Link>
          </div>
        ) : (
          <>
            <ul className="space-y-2">
              {rows.map((row) => (
                <li key={row.linkId} className="card space-y-1">
                  <Link href={`/${org}/feed/${row.postId}`} className="font-semibold text-blue-800 underline">
                    {row.title ?? t("untitled")}
                  </Link>
                  <p className="text-sm text-slate-700">
                    {t("row_network", { network: tShare(`networks.${row.network}`) })} ·{" "}
                    {t("row_shares", { count: row.shares, date: format.dateTime(row.lastSharedAt, { dateStyle: "medium" }) })}
                  </p>
                  <p className="font-medium">
                    {t("row_clicks", { count: row.clicks })} · {t("row_unique", { count: row.uniqueClicks })}
                  </p>
                </li>
              ))}
            </ul>
            <p className="text-sm text-slate-700">{t("delay_note")}</p>
          </>
        )}
      </section>
    </section>
  );
}
