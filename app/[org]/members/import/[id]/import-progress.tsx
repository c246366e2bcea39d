"use client";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { ImportRowError } from "@/db/schema/imports";
import type { ImportSummary } from "@/lib/imports/queries";

type Snapshot = ImportSummary & { errors: Pick<ImportRowError, "line" | "code" | "value">[] };

const POLL_MS = 1_000;

// The progress lives in the database: this only reads it, so a reload (or another lead's
// browser) shows the same bar.
export function ImportProgress({ org, initial }: { org: string; initial: Snapshot }) {
  const t = useTranslations("imports");
  const [snapshot, setSnapshot] = useState(initial);
  const running = snapshot.status === "pending" || snapshot.status === "processing";

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(async () => {
      const response = await fetch(`/api/orgs/${org}/imports/${snapshot.id}`, { cache: "no-store" }).catch(() => null);
      if (response?.ok) setSnapshot(await response.json());
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [org, snapshot.id, running]);

  const percent = snapshot.totalRows ? Math.floor((snapshot.processedRows / snapshot.totalRows) * 100) : running ? 0 : 100;
  return (
    <div className="space-y-4">
      <div className="card space-y-3">
        <p className="font-semibold">{t(`status.${snapshot.status}`)}</p>
        <div
          role="progressbar"
          aria-label={t("progress.label")}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={t("progress.rows", { processed: snapshot.processedRows, total: snapshot.totalRows })}
          className="h-4 w-full overflow-hidden rounded-full bg-slate-200"
        >
          <div className="h-full rounded-full bg-blue-700 transition-[width]" style={{ width: `${percent}%` }} />
        </div>
        <p className="text-sm text-slate-800" aria-live="polite">{t("progress.rows", { processed: snapshot.processedRows, total: snapshot.totalRows })}</p>
        {running ? <p className="text-sm text-slate-700">{t("progress.reload_safe")}</p> : null}
        {snapshot.status === "completed" ? <p role="status" className="font-semibold text-green-900">{t("progress.done")}</p> : null}
        {snapshot.status === "failed" ? <p role="alert" className="text-red-800">{t("progress.failed")}</p> : null}
        <ul className="grid gap-2 text-sm sm:grid-cols-3">
          <li className="rounded-lg bg-green-50 p-3 text-green-950">{t("progress.created", { count: snapshot.createdCount })}</li>
          <li className="rounded-lg bg-blue-50 p-3 text-blue-950">{t("progress.updated", { count: snapshot.updatedCount })}</li>
          <li className="rounded-lg bg-amber-50 p-3 text-amber-950">{t("progress.errors", { count: snapshot.errorCount })}</li>
        </ul>
      </div>
      {snapshot.errors.length ? (
        <section className="card space-y-2" aria-labelledby="row-errors-title">
          <h2 id="row-errors-title" className="text-lg font-bold">{t("errors_table.title")}</h2>
          {snapshot.errorCount > snapshot.errors.length ? (
            <p className="text-sm text-slate-700">{t("errors_table.truncated", { shown: snapshot.errors.length, total: snapshot.errorCount })}</p>
          ) : null}
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className="py-2 pr-3">{t("errors_table.line")}</th>
                  <th scope="col" className="py-2 pr-3">{t("errors_table.reason")}</th>
                  <th scope="col" className="py-2">{t("errors_table.value")}</th>
                </tr>
              </thead>
              <tbody>
                {snapshot.errors.map((e) => (
                  <tr key={e.line} className="border-b border-slate-100">
                    <td className="py-2 pr-3 tabular-nums">{e.line}</td>
                    <td className="py-2 pr-3">{t(`row_errors.${e.code}`)}</td>
                    <td className="break-all py-2">{e.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}
