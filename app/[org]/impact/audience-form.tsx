"use client";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/app/_components/action-form";
import { SubmitButton } from "@/app/_components/submit-button";
import { declareAudienceAction } from "@/lib/analytics/actions";

const NETWORKS = ["linkedin", "x", "facebook", "bluesky", "mastodon", "threads", "whatsapp", "telegram", "email"] as const;

// The member's followers per network: the reach of their shares (analytics' method).
export function AudienceForm({ org, audiences }: { org: string; audiences: { network: string; followers: number }[] }) {
  const t = useTranslations("analytics");
  return (
    <section aria-labelledby="audience-title" className="card space-y-2">
      <h2 id="audience-title" className="text-lg font-semibold">{t("audience_title")}</h2>
      <p className="text-sm text-slate-700">{t("audience_intro")}</p>
      {audiences.length > 0 ? (
        <ul className="text-sm">
          {audiences.map((a) => (
            <li key={a.network}>{t(`networks.${a.network}` as "networks.linkedin")} : {a.followers.toLocaleString()}</li>
          ))}
        </ul>
      ) : null}
      <ActionForm action={declareAudienceAction} hidden={{ org }} className="flex flex-wrap items-end gap-3" success={t("saved")}>
        <div>
          <label htmlFor="audience-network" className="label">{t("network")}</label>
          <select id="audience-network" name="network" className="input">
            {NETWORKS.map((n) => (
              <option key={n} value={n}>{t(`networks.${n}`)}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audience-followers" className="label">{t("followers")}</label>
          <input id="audience-followers" name="followers" type="number" min={0} max={100000000} required className="input" />
        </div>
        <SubmitButton className="btn-secondary">{t("save")}</SubmitButton>
      </ActionForm>
    </section>
  );
}
