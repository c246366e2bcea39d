import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/app/_components/locale-switcher";
import { signInWithProviderAction, signOutAction, signOutEverywhereAction } from "@/lib/auth/actions";
import { enabledSsoProviders } from "@/lib/auth/config";
import { linkedProviders } from "@/lib/auth/queries";
import { requireUser } from "@/lib/auth/session";
import { AccountPrivacy } from "./_privacy/account-privacy";

export default async function AccountPage() {
  const user = await requireUser();
  const t = await getTranslations("account");
  const tSso = await getTranslations("hardening.account_sso");
  // Only the providers this installation has; a provider sign-in started here, signed in,
  // links that provider to this account (lib/auth/sso-sign-in.ts).
  const sso = enabledSsoProviders();
  const linked = new Set(sso.google || sso.microsoft ? await linkedProviders(user.id) : []);
  const providers = [
    { id: "google", enabled: sso.google, link: tSso("link_google"), linked: tSso("linked_google") },
    { id: "microsoft-entra-id", enabled: sso.microsoft, link: tSso("link_microsoft"), linked: tSso("linked_microsoft") },
  ] as const;
  return (
    <main id="main" className="mx-auto max-w-md space-y-4 p-4 pt-8">
      <Link href="/" className="text-blue-800 underline">{t("back")}</Link>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <section className="card space-y-2">
        <p><span className="font-semibold">{t("email")}:</span> {user.email}</p>
        <h2 className="pt-2 font-semibold">{t("language")}</h2>
        <LocaleSwitcher />
      </section>
      {sso.google || sso.microsoft ? (
        <section className="card space-y-3" aria-labelledby="sso-title">
          <h2 id="sso-title" className="font-semibold">{tSso("title")}</h2>
          <p className="text-sm text-slate-700">{tSso("help")}</p>
          {providers
            .filter((p) => p.enabled)
            .map((p) =>
              linked.has(p.id) ? (
                <p key={p.id}>{p.linked}</p>
              ) : (
                <form key={p.id} action={signInWithProviderAction.bind(null, p.id, "/account")}>
                  <button className="btn-secondary w-full">{p.link}</button>
                </form>
              ),
            )}
        </section>
      ) : null}
      <section className="card space-y-3">
        <form action={signOutAction}><button className="btn-secondary w-full">{t("sign_out")}</button></form>
        <form action={signOutEverywhereAction}><button className="btn-danger w-full">{t("sign_out_everywhere")}</button></form>
        <p className="text-sm text-slate-700">{t("sign_out_everywhere_help")}</p>
      </section>
      <AccountPrivacy user={user} />
    </main>
  );
}
