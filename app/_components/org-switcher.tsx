import Link from "next/link";
import { getTranslations } from "next-intl/server";

type Org = { slug: string; name: string; role: string };

// A plain <details> menu: works without JavaScript and with the keyboard.
export async function OrgSwitcher({ current, orgs }: { current: Org; orgs: Org[] }) {
  const t = await getTranslations("nav");
  return (
    <details className="relative">
      <summary className="flex min-h-11 max-w-full cursor-pointer list-none items-center gap-2 rounded-lg px-2 font-semibold hover:bg-slate-100">
        <span className="sr-only">{t("switch_org")}: </span>
        <span className="truncate">{current.name}</span>
        <span aria-hidden="true">▾</span>
      </summary>
      <div className="absolute left-0 z-20 mt-1 w-72 max-w-[calc(100vw-1.5rem)] rounded-xl border border-slate-200 bg-white p-2 shadow-lg">
        <p className="px-2 py-1 text-xs font-semibold uppercase text-slate-700">{t("your_orgs")}</p>
        <ul>
          {orgs.map((o) => (
            <li key={o.slug}>
              <Link href={`/${o.slug}`} aria-current={o.slug === current.slug ? "page" : undefined} className="flex min-h-11 items-center justify-between rounded-lg px-2 hover:bg-slate-100 aria-[current=page]:bg-blue-50">
                <span className="truncate">{o.name}</span>
                <span className="text-xs text-slate-700">{t(`roles.${o.role}`)}</span>
              </Link>
            </li>
          ))}
        </ul>
        <Link href="/onboarding" className="mt-1 flex min-h-11 items-center rounded-lg px-2 text-blue-800 hover:bg-slate-100">{t("new_org")}</Link>
      </div>
    </details>
  );
}
