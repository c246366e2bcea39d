import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/app/_components/locale-switcher";
import { signOutAction, signOutEverywhereAction } from "@/lib/auth/actions";
import { requireUser } from "@/lib/auth/session";
import { AccountPrivacy } from "./_privacy/account-privacy";

export default async function AccountPage() {
  const user = await requireUser();
  const t = await getTranslations("account");
  return (
    <main id="main" className="mx-auto max-w-md space-y-4 p-4 pt-8">
      <Link href="/" className="text-blue-800 underline">{t("back")}</Link>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <section className="card space-y-2">
        <p><span className="font-semibold">{t("email")}:</span> {user.email}</p>
        <h2 className="pt-2 font-semibold">{t("language")}</h2>
        <LocaleSwitcher />
      </section>
      <section className="card space-y-3">
        <form action={signOutAction}><button className="btn-secondary w-full">{t("sign_out")}</button></form>
        <form action={signOutEverywhereAction}><button className="btn-danger w-full">{t("sign_out_everywhere")}</button></form>
        <p className="text-sm text-slate-700">{t("sign_out_everywhere_help")}</p>
      </section>
      <AccountPrivacy user={user} />
    </main>
  );
}
