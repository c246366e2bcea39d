import { getTranslations } from "next-intl/server";
import { requirePageTenant } from "@/lib/auth/session";
import { processingRegister } from "@/lib/privacy/register";
import { getPrivacySettings } from "@/lib/privacy/settings";

export async function generateMetadata() {
  return { title: (await getTranslations("privacy.register"))("title") };
}

// The processing register: what Relais stores about members, why, for how long and where,
// generated from the organisation's retention settings. Every member may read it.
export default async function ProcessingRegisterPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const tenant = await requirePageTenant(org, "org.read");
  const settings = await getPrivacySettings(tenant);
  const t = await getTranslations("privacy.register");
  return (
    <section className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-800">{t("intro")}</p>
      {settings.privacyNoticeUrl ? (
        <p>
          <a href={settings.privacyNoticeUrl} className="text-blue-800 underline" rel="noopener noreferrer" target="_blank">{t("notice")}</a>
        </p>
      ) : null}
      <ul className="space-y-3">
        {processingRegister(settings).map((line) => (
          <li key={line.purpose} className="card space-y-1">
            <h2 className="font-semibold">{t(`purposes.${line.purpose}.title`)}</h2>
            <p><span className="font-medium">{t("what")}</span> {t(`purposes.${line.purpose}.data`)}</p>
            <p><span className="font-medium">{t("why")}</span> {t(`purposes.${line.purpose}.why`)}</p>
            <p><span className="font-medium">{t("how_long")}</span> {t(`retention.${line.retention.key}`, line.retention.values ?? {})}</p>
            <p><span className="font-medium">{t("where")}</span> {t("where_value")}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
