import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageTenant } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { findImportErrors, getImportOrThrow } from "@/lib/imports/queries";
import { ImportProgress } from "./import-progress";

export async function generateMetadata() {
  return { title: (await getTranslations("imports"))("title") };
}

export default async function ImportProgressPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const tenant = await requirePageTenant(org, "imports.write");
  const summary = await getImportOrThrow(tenant, id).catch((error) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const errors = await findImportErrors(tenant, id);
  const t = await getTranslations("imports");
  return (
    <div className="space-y-4">
      <Link href={`/${org}/members/import`} className="inline-flex min-h-11 items-center text-blue-800 underline">{t("back")}</Link>
      <h1 className="break-all text-2xl font-bold">{t("progress.title", { file: summary.fileName })}</h1>
      <ImportProgress org={org} initial={{ ...summary, errors }} />
    </div>
  );
}
