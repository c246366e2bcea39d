import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/app/_components/action-form";
import { SubmitButton } from "@/app/_components/submit-button";
import { updateRatesAction } from "@/lib/analytics/actions";
import { getRates } from "@/lib/analytics/queries";
import { requirePageTenant } from "@/lib/auth/session";
import { network } from "@/db/schema/enums";

export async function generateMetadata() {
  return { title: (await getTranslations("analytics"))("rates_title") };
}

// The organisation's rates per network for reach, impressions and earned media value.
export default async function AnalyticsRatesPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const tenant = await requirePageTenant(org, "org.settings");
  const [t, rates] = await Promise.all([getTranslations("analytics"), getRates(tenant)]);
  const fields = [
    { name: "defaultAudience", label: t("default_audience"), step: "1", max: 10_000_000 },
    { name: "viewRate", label: t("view_rate"), step: "0.001", max: 1 },
    { name: "cpm", label: t("cpm"), step: "0.01", max: 10_000 },
    { name: "cpc", label: t("cpc"), step: "0.01", max: 10_000 },
  ] as const;
  return (
    <section className="space-y-4">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{t("rates_title")}</h1>
        <p className="text-slate-700">{t("rates_intro")}</p>
      </header>
      {network.enumValues.map((n) => (
        <ActionForm key={n} action={updateRatesAction} hidden={{ org, network: n }} className="card space-y-2" success={t("saved")}>
          <h2 className="text-lg font-semibold">{t(`networks.${n}`)}</h2>
          <div className="grid gap-3 sm:grid-cols-4">
            {fields.map((f) => (
              <div key={f.name}>
                <label htmlFor={`${n}-${f.name}`} className="label">{f.label}</label>
                <input id={`${n}-${f.name}`} name={f.name} type="number" min={0} max={f.max} step={f.step} defaultValue={rates[n][f.name]} className="input" required />
              </div>
            ))}
          </div>
          <SubmitButton className="btn-secondary">{t("save")}</SubmitButton>
        </ActionForm>
      ))}
    </section>
  );
}
