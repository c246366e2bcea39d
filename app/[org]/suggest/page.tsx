import { getLocale, getTranslations } from "next-intl/server";
import { requirePageTenant } from "@/lib/auth/session";
import { formatInZone } from "@/lib/calendar/format";
import { getOrganizationSettings } from "@/lib/organizations/settings";
import { findOwnSuggestions } from "@/lib/suggestions/queries";
import { SuggestionForm } from "./suggestion-form";

export async function generateMetadata() {
  return { title: (await getTranslations("suggestions.suggest"))("title") };
}

export default async function SuggestPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const tenant = await requirePageTenant(org, "posts.suggest");
  const [t, locale, { timeZone }, mine] = await Promise.all([getTranslations("suggestions"), getLocale(), getOrganizationSettings(tenant), findOwnSuggestions(tenant)]);
  return (
    <section className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("suggest.title")}</h1>
      <p className="text-slate-700">{t("suggest.intro")}</p>
      <div className="card">
        <SuggestionForm org={org} />
      </div>
      {mine.length > 0 && (
        <section aria-labelledby="mine" className="space-y-2">
          <h2 id="mine" className="text-lg font-semibold">{t("suggest.mine")}</h2>
          <ul className="card divide-y divide-slate-200 py-0">
            {mine.map((s) => (
              <li key={s.id} className="py-2">
                <p className="break-all font-medium">{s.url ?? s.note}</p>
                <p className="text-sm text-slate-700">
                  {formatInZone(s.createdAt, locale, timeZone, { dateStyle: "medium" })} · {t(`statuses.${s.status}`)}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
