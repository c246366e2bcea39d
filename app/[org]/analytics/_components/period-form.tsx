import { getTranslations } from "next-intl/server";
import type { Scope } from "@/lib/analytics/queries";

// A plain GET form: the period and the baseline live in the address, so a view can be shared.
export async function PeriodForm({ scope }: { scope: Scope }) {
  const t = await getTranslations("analytics");
  return (
    <form method="get" className="card grid gap-3 sm:grid-cols-5 print:hidden" aria-label={t("period")}>
      <div>
        <label htmlFor="period-from" className="label">{t("from")}</label>
        <input id="period-from" name="from" type="date" defaultValue={scope.period.from} className="input" />
      </div>
      <div>
        <label htmlFor="period-to" className="label">{t("to")}</label>
        <input id="period-to" name="to" type="date" defaultValue={scope.period.to} className="input" />
      </div>
      <div>
        <label htmlFor="base-from" className="label">{t("baseline_from")}</label>
        <input id="base-from" name="baseFrom" type="date" defaultValue={scope.compareTo?.from} className="input" />
      </div>
      <div>
        <label htmlFor="base-to" className="label">{t("baseline_to")}</label>
        <input id="base-to" name="baseTo" type="date" defaultValue={scope.compareTo?.to} className="input" />
      </div>
      <div className="flex items-end">
        <button type="submit" className="btn-primary w-full">{t("apply")}</button>
      </div>
    </form>
  );
}
