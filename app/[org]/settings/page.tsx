import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/app/_components/action-form";
import { SubmitButton } from "@/app/_components/submit-button";
import { requirePageTenant } from "@/lib/auth/session";
import { removeOrganizationLogoAction } from "@/lib/organizations/actions";
import { getOrganizationProfile } from "@/lib/organizations/queries";
import { TIME_ZONES } from "@/lib/organizations/schemas";
import { LogoForm } from "./logo-form";
import { SettingsForm } from "./settings-form";

export async function generateMetadata() {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function SettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const tenant = await requirePageTenant(org, "org.settings");
  const profile = await getOrganizationProfile(tenant);
  const t = await getTranslations("settings");
  return (
    <section className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <section aria-labelledby="general-title" className="card space-y-4">
        <h2 id="general-title" className="text-lg font-semibold">{t("general.title")}</h2>
        <SettingsForm settings={profile} timeZones={TIME_ZONES} />
      </section>
      <section aria-labelledby="logo-title" className="card space-y-4">
        <h2 id="logo-title" className="text-lg font-semibold">{t("logo.title")}</h2>
        {profile.logoSrc ? (
          <div className="flex flex-wrap items-center gap-4">
            <img src={profile.logoSrc} alt={t("logo.current", { name: profile.name })} className="h-20 w-20 rounded-lg border border-slate-200 bg-white object-contain p-1" />
            <ActionForm action={removeOrganizationLogoAction} hidden={{ org: profile.slug }} success={t("logo.removed")}>
              <SubmitButton className="btn-secondary">{t("logo.remove")}</SubmitButton>
            </ActionForm>
          </div>
        ) : (
          <p className="text-slate-700">{t("logo.none")}</p>
        )}
        <LogoForm org={profile.slug} />
      </section>
    </section>
  );
}
