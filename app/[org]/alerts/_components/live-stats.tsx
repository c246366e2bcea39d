"use client";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import type { AlertStats } from "@/lib/alerts/stats";

// The lead's numbers, updated as the server sends them (SSE fed by Redis pub/sub).
export function LiveStats({ org, alertId, initial, locale }: { org: string; alertId: string; initial: AlertStats; locale: "fr" | "en" }) {
  const t = useTranslations("alerts");
  const [stats, setStats] = useState(initial);
  const [live, setLive] = useState(false);
  useEffect(() => {
    const source = new EventSource(`/api/orgs/${org}/alerts/${alertId}/live`);
    const take = (e: MessageEvent) => setStats(JSON.parse(e.data));
    source.addEventListener("initial", take);
    source.addEventListener(`alert-${alertId}`, take);
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    return () => source.close();
  }, [org, alertId]);
  const pct = stats.audience ? Math.round((100 * stats.reached) / stats.audience) : 0;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700" aria-live="polite">{live ? `● ${t("live.connected")}` : ""}</p>
      <section className="card space-y-2" aria-labelledby="fanout-title">
        <h2 id="fanout-title" className="font-semibold">{t(`status.${stats.status}` as "status.sent")}</h2>
        <p>{t("live.progress", { reached: stats.reached, audience: stats.audience })}</p>
        <div className="h-3 rounded-full bg-slate-200" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100} aria-label={t("live.progress", { reached: stats.reached, audience: stats.audience })}>
          <div className="h-3 rounded-full bg-blue-700" style={{ width: `${pct}%` }} />
        </div>
      </section>
      <section className="card space-y-2" aria-labelledby="acted-title">
        <h2 id="acted-title" className="font-semibold">{t("live.acted")}</h2>
        <ul className="space-y-1">
          {stats.actions.map((a) => (
            <li key={a.id} className="flex justify-between gap-2">
              <span>{locale === "en" ? a.labelEn : a.labelFr}</span>
              <strong data-testid={`acted-${a.kind}`}>{a.acted}</strong>
            </li>
          ))}
        </ul>
      </section>
      <section className="card overflow-x-auto" aria-labelledby="channels-title">
        <h2 id="channels-title" className="font-semibold">{t("live.channel")}</h2>
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left">
              <th scope="col">{t("live.channel")}</th><th scope="col">{t("live.sent")}</th><th scope="col">{t("live.delivered")}</th><th scope="col">{t("live.opened")}</th><th scope="col">{t("live.failed")}</th><th scope="col">{t("live.pending")}</th>
            </tr>
          </thead>
          <tbody>
            {stats.channels.map((c) => (
              <tr key={c.channel}>
                <th scope="row" className="text-left font-medium">{t(`form.channel.${c.channel}` as "form.channel.email")}</th>
                <td>{c.sent}</td><td>{c.delivered}</td><td>{c.opened}</td><td>{c.failed}</td><td>{c.pending}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {stats.letters.length > 0 && (
        <section className="card" aria-labelledby="letters-title">
          <h2 id="letters-title" className="font-semibold">{t("live.letters")}</h2>
          <ul>
            {stats.letters.map((l) => (
              <li key={l.targetId} className="flex justify-between gap-2">
                <span>{[l.name, l.district].filter(Boolean).join(" – ")}</span>
                <strong data-testid={`letters-${l.targetId}`}>{l.sent}</strong>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="card" aria-labelledby="failures-title">
        <h2 id="failures-title" className="font-semibold">{t("live.failures")}</h2>
        {stats.failures.length === 0 ? (
          <p>{t("live.no_failures")}</p>
        ) : (
          <ul className="text-sm">
            {stats.failures.map((f, i) => (
              <li key={i}>{f.channel}: {f.error || "?"} ({f.count})</li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
