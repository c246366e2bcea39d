import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ConfirmActionForm } from "@/app/_components/action-form";
import { orNotFound } from "@/app/_components/or-not-found";
import type { Locale } from "@/db/schema/enums";
import { cancelAlertAction, updateAlertAction } from "@/lib/alerts/actions";
import { getAlertFormValues } from "@/lib/alerts/form-values";
import { alertTitle, getAlertOrThrow } from "@/lib/alerts/queries";
import { requirePageTenant } from "@/lib/auth/session";
import { AlertComposer } from "../../_components/alert-composer";
import { AlertFormFields } from "../../_components/alert-form-fields";

export async function generateMetadata() {
  return { title: (await getTranslations("alerts"))("edit_title") };
}

// A scheduled alert, in the composer's form prefilled: saving a new time moves its delayed
// job; cancelling removes it. Once it has gone out, only the live view remains.
export default async function EditAlertPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const tenant = await requirePageTenant(org, "alerts.write");
  const alert = await orNotFound(getAlertOrThrow(tenant, id));
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("alerts");
  if (alert.status !== "scheduled") {
    return (
      <section className="mx-auto max-w-2xl space-y-4">
        <h1 className="text-2xl font-bold">{t("edit_title")}</h1>
        <p role="status" className="card">{t("edit_gone", { status: t(`status.${alert.status}`) })}</p>
        <Link href={`/${org}/alerts/${id}/live`} className="inline-flex min-h-11 items-center text-blue-800 underline">{t("live.title")}</Link>
      </section>
    );
  }
  const values = await getAlertFormValues(tenant, alert);
  return (
    <section className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("edit_title")}</h1>
      <AlertComposer action={updateAlertAction} org={org} submit={t("form.save")}>
        <input type="hidden" name="alertId" value={id} />
        <AlertFormFields tenant={tenant} values={values} />
      </AlertComposer>
      <ConfirmActionForm
        action={cancelAlertAction}
        hidden={{ org, alertId: id }}
        trigger={t("form.cancel")}
        title={t("form.cancel")}
        body={alertTitle(alert, locale)}
        confirm={t("form.cancel")}
        cancel={t("form.keep")}
      />
    </section>
  );
}
