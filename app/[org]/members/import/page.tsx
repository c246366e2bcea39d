import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePageTenant } from "@/lib/auth/session";
import { MAX_IMPORT_BYTES } from "@/lib/imports/parse-csv";
import { findImports } from "@/lib/imports/queries";
import { UploadImportForm } from "./upload-import-form";

export async function generateMetadata() {
  return { title: (await getTranslations("imports"))("title") };
}

export default async function ImportPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const tenant = await requirePageTenant(org, "imports.write");
  const recent = await findImports(tenant);
  const t = await getTranslations("imports");
  const format = await getFormatter();
  const maxMb = MAX_IMPORT_BYTES / 1024 / 1024;
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
      </div>
      <section className="card space-y-4" aria-labelledby="upload-title">
        <h2 id="upload-title" className="sr-only">{t("new_import")}</h2>
        <UploadImportForm org={org} maxMb={maxMb} />
        <div className="space-y-1 text-sm text-slate-800">
          <h3 className="font-semibold">{t("format.title")}</h3>
          <p>{t("format.columns")}</p>
          <p>{t("format.groups")}</p>
          <p>{t("format.excel")}</p>
          <p>{t("format.update")}</p>
          <p>{t("format.limit", { max: maxMb })}</p>
        </div>
      </section>
      <section className="space-y-2" aria-labelledby="history-title">
        <h2 id="history-title" className="text-xl font-bold">{t("history.title")}</h2>
        {recent.length === 0 ? (
          <p className="text-slate-700">{t("history.empty")}</p>
        ) : (
          <ul className="card divide-y divide-slate-100 p-0">
            {recent.map((i) => (
              <li key={i.id}>
                <Link href={`/${org}/members/import/${i.id}`} className="flex min-h-11 flex-wrap items-center justify-between gap-2 px-4 py-3 hover:bg-slate-50">
                  <span className="break-all font-medium text-blue-800 underline">{i.fileName}</span>
                  <span className="text-sm text-slate-700">
                    {t(`status.${i.status}`)} · {t("history.summary", { total: i.totalRows, date: format.dateTime(i.createdAt, { dateStyle: "medium", timeStyle: "short" }) })}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
