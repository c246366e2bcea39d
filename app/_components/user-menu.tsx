import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/lib/auth/actions";

// Account and sign-out tucked in one menu so the header fits a 360 px phone.
export async function UserMenu({ name }: { name: string }) {
  const t = await getTranslations("nav");
  const initials = name.split(/\s+/).map((w) => w[0]).slice(0, 2).join("").toUpperCase();
  return (
    <details className="relative">
      <summary className="flex min-h-11 min-w-11 cursor-pointer list-none items-center justify-center rounded-full bg-slate-200 font-semibold text-slate-900 hover:bg-slate-300">
        <span aria-hidden="true">{initials || "?"}</span>
        <span className="sr-only">{t("account_menu", { name })}</span>
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-56 rounded-xl border border-slate-200 bg-white p-2 shadow-lg">
        <p className="truncate px-2 py-1 text-sm text-slate-700">{name}</p>
        <Link href="/account" className="flex min-h-11 items-center rounded-lg px-2 hover:bg-slate-100">{t("account")}</Link>
        <form action={signOutAction}>
          <button className="flex min-h-11 w-full items-center rounded-lg px-2 text-left hover:bg-slate-100">{t("sign_out")}</button>
        </form>
      </div>
    </details>
  );
}
