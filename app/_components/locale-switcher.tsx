import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/lib/auth/actions";
import { LOCALES } from "@/lib/i18n/locales";

export async function LocaleSwitcher() {
  const locale = await getLocale();
  const t = await getTranslations("common.locale");
  return (
    <form action={setLocaleAction} className="flex items-center gap-1" aria-label={t("label")}>
      {LOCALES.map((l) => (
        <button
          key={l}
          name="locale"
          value={l}
          lang={l}
          aria-pressed={l === locale}
          className={`min-h-11 min-w-11 rounded-md px-2 text-sm font-semibold ${l === locale ? "bg-slate-900 text-white" : "text-slate-800 hover:bg-slate-200"}`}
        >
          <span aria-hidden="true">{l.toUpperCase()}</span>
          <span className="sr-only">{t(l)}</span>
        </button>
      ))}
    </form>
  );
}
