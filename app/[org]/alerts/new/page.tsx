import { getTranslations } from "next-intl/server";
import { createAlertAction } from "@/lib/alerts/actions";
import { NEW_ALERT } from "@/lib/alerts/form-values";
import { requirePageTenant } from "@/lib/auth/session";
import { AlertComposer } from "../_components/alert-composer";
import { AlertFormFields } from "../_components/alert-form-fields";

export async function generateMetadata() {
  return { title: (await getTranslations("alerts"))("new") };
}

// The campaign lead's composer.
export default async function NewAlertPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const tenant = await requirePageTenant(org, "alerts.write");
  const t = await getTranslations("alerts");
  return (
    <section className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("new")}</h1>
      <AlertComposer action={createAlertAction} org={org} submit={t("form.submit")}>
        <AlertFormFields tenant={tenant} values={NEW_ALERT} />
      </AlertComposer>
    </section>
  );
}
