import { getFormatter, getTranslations } from "next-intl/server";
import type { Dashboard, Totals } from "@/lib/analytics/queries";
import { FILTER_REASONS } from "@/lib/analytics/queries";
import { ChartCard } from "./chart-card";

const COLORS = { shares: "#1d4ed8", clicks: "#047857", uniqueClicks: "#7c3aed", actions: "#b45309" };

function change(now: number, before: number) {
  if (!before) return "none";
  const pct = Math.round(((now - before) / before) * 1000) / 10;
  return `${pct > 0 ? "+" : ""}${pct} %`;
}

// A dashboard (campaign or organisation) and the printable report: the same view. `exportBase`
// is the CSV route with the page's scope (null on the read-only link).
export async function DashboardView({ data, exportBase }: { data: Dashboard; exportBase: string | null }) {
  const [t, format] = await Promise.all([getTranslations("analytics"), getFormatter()]);
  const n = (value: number) => format.number(value);
  const euros = (value: number) => format.number(value, { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
  const { totals, previous } = data;
  const cards: { key: keyof Totals; label: string; value: string; how: string }[] = [
    { key: "shares", label: t("shares"), value: n(totals.shares), how: t("how_shares") },
    { key: "clicks", label: t("clicks"), value: n(totals.clicks), how: t("how_clicks") },
    { key: "uniqueClicks", label: t("unique_clicks"), value: n(totals.uniqueClicks), how: t("how_unique") },
    { key: "clicksPerShare", label: t("clicks_per_share"), value: n(totals.clicksPerShare), how: `${t("clicks")} ÷ ${t("shares")}` },
    { key: "actions", label: t("actions"), value: n(totals.actions), how: t("actions") },
    { key: "activeMembers", label: t("active_members"), value: n(totals.activeMembers), how: t("how_active", { members: n(totals.members) }) },
    { key: "participationRate", label: t("participation"), value: `${n(totals.participationRate)} %`, how: t("how_active", { members: n(totals.members) }) },
    { key: "reach", label: t("reach"), value: n(totals.reach), how: t("how_reach") },
    { key: "impressions", label: t("impressions"), value: n(totals.impressions), how: t("how_impressions") },
    { key: "emv", label: t("emv"), value: euros(totals.emv), how: t("how_emv") },
  ];
  const reasons = FILTER_REASONS.filter((r) => totals[r] > 0).map((reason) => t(`reasons.${reason}`, { count: totals[reason] }));
  const csv = (table: string) => (exportBase ? `${exportBase}&table=${table}` : null);
  const networkName = (network: string | null) => (network ? t(`networks.${network}` as "networks.linkedin") : "");

  return (
    <div className="space-y-4">
      {data.rebuild ? (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
          {t("rebuilding", { timeZone: data.rebuild.timeZone, percent: data.rebuild.percent })}
        </p>
      ) : null}
      <p className="text-sm text-slate-700">{t("compared_with", { from: data.compareTo.from, to: data.compareTo.to })}</p>
      <section aria-labelledby="figures-title" className="space-y-2">
        <h2 id="figures-title" className="text-lg font-semibold">{t("figures")}</h2>
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
          {cards.map((card) => (
            <div key={card.key} className="card space-y-1 break-inside-avoid" data-figure={card.key}>
              <dt className="text-sm text-slate-700">{card.label}</dt>
              <dd className="text-2xl font-bold tabular-nums">{card.value}</dd>
              <dd className="text-xs text-slate-700">{t("change", { change: change(Number(totals[card.key]), Number(previous[card.key])) })}</dd>
              <dd className="text-xs">
                <details>
                  <summary className="cursor-pointer text-blue-800 underline">{t("how")}</summary>
                  <p className="mt-1 text-slate-700">{card.how}</p>
                </details>
              </dd>
            </div>
          ))}
        </dl>
        <p data-testid="filtered-sentence">
          {reasons.length
            ? t("filtered_sentence", { clicks: n(totals.clicks), filtered: n(totals.filtered), details: reasons.join(", ") })
            : t("filtered_none", { clicks: n(totals.clicks) })}
        </p>
      </section>

      {data.objectives.length > 0 ? (
        <section aria-labelledby="objectives-title" className="card space-y-2 break-inside-avoid">
          <h2 id="objectives-title" className="text-lg font-semibold">{t("objectives")}</h2>
          <ul className="space-y-2">
            {data.objectives.map((o) => (
              <li key={o.label}>
                <p>
                  {o.label} — {t("objective_progress", { done: n(o.done), target: n(o.target), percent: o.percent })}
                </p>
                <progress className="w-full" max={100} value={o.percent} aria-label={o.label} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <ChartCard
        id="series"
        title={t("series_title", { timeZone: data.timeZone })}
        xKey="day"
        xLabel={t("day")}
        kind="line"
        rows={data.series}
        series={[
          { key: "shares", label: t("shares"), color: COLORS.shares },
          { key: "clicks", label: t("clicks"), color: COLORS.clicks },
          { key: "uniqueClicks", label: t("unique_clicks"), color: COLORS.uniqueClicks },
          { key: "actions", label: t("actions"), color: COLORS.actions },
        ]}
        markers={data.moments.map((m) => ({ x: m.day, label: m.title }))}
        showTable={t("show_table")}
        showChart={t("show_chart")}
      />
      {data.moments.length > 0 ? (
        <p className="text-sm text-slate-700">
          {t("moments")} : {data.moments.map((m) => `${m.day} ${m.title}`).join(" · ")}
        </p>
      ) : null}
      <ChartCard
        id="networks"
        title={t("by_network")}
        xKey="name"
        xLabel={t("network")}
        kind="bar"
        rows={data.byNetwork.map((r) => ({ ...r, name: networkName(r.network) }))}
        series={[
          { key: "shares", label: t("shares"), color: COLORS.shares },
          { key: "clicks", label: t("clicks"), color: COLORS.clicks },
        ]}
        showTable={t("show_table")}
        showChart={t("show_chart")}
      />
      <ChartCard
        id="hours"
        title={t("hours_title", { timeZone: data.timeZone })}
        xKey="hour"
        xLabel={t("hour")}
        kind="bar"
        rows={data.byHour}
        series={[{ key: "clicks", label: t("clicks"), color: COLORS.clicks }]}
        showTable={t("show_table")}
        showChart={t("show_chart")}
      />
      <Table id="posts" title={t("by_post")} csv={csv("posts")} csvLabel={t("export_csv")} head={[t("post"), t("shares"), t("clicks"), t("unique_clicks")]}
        rows={data.byPost.map((r) => [r.title || r.postId || "", n(r.shares), n(r.clicks), n(r.uniqueClicks)])} />
      <Table id="members" title={t("by_member")} csv={csv("members")} csvLabel={t("export_csv")} head={[t("member"), t("shares"), t("clicks"), t("actions")]}
        rows={data.byMember.map((r) => [r.name ?? "", n(r.shares), n(r.clicks), n(r.actions)])} />
      <Table id="groups" title={t("by_group")} csv={csv("groups")} csvLabel={t("export_csv")} head={[t("group"), t("shares"), t("clicks"), t("actions")]}
        rows={data.byGroup.map((r) => [r.name, n(Number(r.shares)), n(Number(r.clicks)), n(Number(r.actions))])} />
      <Table id="languages" title={t("by_language")} csv={csv("languages")} csvLabel={t("export_csv")} head={[t("language"), t("shares"), t("clicks"), t("actions")]}
        rows={data.byLanguage.map((r) => [r.language, n(Number(r.shares)), n(Number(r.clicks)), n(Number(r.actions))])} />

      <section aria-labelledby="rates-title" className="card space-y-2 break-inside-avoid">
        <h2 id="rates-title" className="text-lg font-semibold">{t("rates_used")}</h2>
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead>
              <tr>
                {[t("network"), t("default_audience"), t("view_rate"), t("cpm"), t("cpc")].map((h) => (
                  <th key={h} scope="col" className="text-left">{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.usedNetworks.map((network) => {
                const r = data.rates[network];
                return (
                  <tr key={network}>
                    <th scope="row" className="text-left font-normal">{networkName(network)}</th>
                    <td>{n(r.defaultAudience)}</td>
                    <td>{n(r.viewRate * 100)} %</td>
                    <td>{n(r.cpm)}</td>
                    <td>{n(r.cpc)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      {exportBase ? (
        <p className="flex flex-wrap gap-3 print:hidden">
          <a className="btn-secondary" href={csv("detail")!}>{t("export_detail")}</a>
          {data.campaign ? <a className="btn-secondary" href={csv("clicks")!}>{t("export_clicks")}</a> : null}
        </p>
      ) : null}
    </div>
  );
}

function Table({ id, title, head, rows, csv, csvLabel }: { id: string; title: string; head: string[]; rows: string[][]; csv: string | null; csvLabel: string }) {
  return (
    <section aria-labelledby={`${id}-title`} className="card space-y-2 break-inside-avoid">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${id}-title`} className="text-lg font-semibold">{title}</h2>
        {csv ? <a className="text-sm text-blue-800 underline print:hidden" href={csv}>{csvLabel}</a> : null}
      </div>
      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-table={id}>
          <thead>
            <tr>
              {head.map((h, i) => (
                <th key={h} scope="col" className={i ? "text-right" : "text-left"}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) =>
                  i ? <td key={i} className="text-right tabular-nums">{cell}</td> : <th key={i} scope="row" className="text-left font-normal">{cell}</th>,
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
