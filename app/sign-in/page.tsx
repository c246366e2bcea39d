import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { Alert } from "@/app/_components/form-error";
import { LocaleSwitcher } from "@/app/_components/locale-switcher";
import { devLoginAction, signInWithProviderAction } from "@/lib/auth/actions";
import { enabledSsoProviders } from "@/lib/auth/config";
import { findDevLoginUsers } from "@/lib/auth/queries";
import { getSessionUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { parseQuery } from "@/lib/input";
import { safeInAppPath } from "@/lib/net/safe-path";
import { EmailSignInForm } from "./email-form";

export async function generateMetadata() {
  const t = await getTranslations("auth.sign_in");
  return { title: t("title") };
}

const querySchema = z.object({ callbackUrl: z.string().max(2000).optional().catch(undefined), error: z.string().max(100).optional().catch(undefined) });

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { callbackUrl, error } = parseQuery(querySchema, await searchParams);
  const safeCallback = callbackUrl === undefined ? undefined : safeInAppPath(callbackUrl, "") || undefined;
  if (await getSessionUser()) redirect(safeCallback ?? "/");
  const t = await getTranslations("auth.sign_in");
  const th = await getTranslations("hardening");
  const sso = enabledSsoProviders();
  const devUsers = env().AUTH_DEV_LOGIN ? await findDevLoginUsers() : [];
  return (
    <main id="main" className="mx-auto flex max-w-md flex-col gap-6 p-4 pt-8">
      <div className="flex items-center justify-between">
        <p className="text-xl font-black tracking-tight text-blue-800">Relais</p>
        <LocaleSwitcher />
      </div>
      <section className="card space-y-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
        {error ? <Alert>{error === "sso_link" ? th("sso.link_email_first") : t("error")}</Alert> : null}
        <EmailSignInForm callbackUrl={safeCallback} />
        {sso.google || sso.microsoft ? (
          <div className="space-y-2 border-t border-slate-200 pt-4">
            {sso.google ? (
              <form action={signInWithProviderAction.bind(null, "google", safeCallback ?? "/")}>
                <button className="btn-secondary w-full">{t("google")}</button>
              </form>
            ) : null}
            {sso.microsoft ? (
              <form action={signInWithProviderAction.bind(null, "microsoft-entra-id", safeCallback ?? "/")}>
                <button className="btn-secondary w-full">{t("microsoft")}</button>
              </form>
            ) : null}
          </div>
        ) : null}
      </section>
      {devUsers.length > 0 ? (
        <section className="card space-y-3 border-amber-300 bg-amber-50" aria-labelledby="dev-login">
          <h2 id="dev-login" className="font-semibold">{t("dev_title")}</h2>
          <p className="text-sm text-slate-700">{t("dev_intro")}</p>
          <ul className="space-y-2">
            {devUsers.map((u) => (
              <li key={u.id}>
                <form action={devLoginAction}>
                  <input type="hidden" name="userId" value={u.id} />
                  <button className="btn-secondary w-full justify-between text-left">
                    <span>{u.name ?? u.email}</span>
                    <span className="text-xs font-normal text-slate-700">{t(`roles.${u.role}`)} · {u.org}</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}
