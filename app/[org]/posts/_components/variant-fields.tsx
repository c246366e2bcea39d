"use client";
import { useTranslations } from "next-intl";
import type { Locale } from "@/db/schema/enums";
import { CAPTION_NETWORKS, EMAIL_LIMITS, type CaptionNetwork } from "@/lib/posts/caption-limits";
import { CaptionField } from "./caption-field";

export type VariantValues = { title: string; body: string; captions: Partial<Record<CaptionNetwork, string>>; emailSubject: string; emailBody: string };
export const emptyVariant = (): VariantValues => ({ title: "", body: "", captions: {}, emailSubject: "", emailBody: "" });

// One language of a post: its title and text, and a suggested caption per network.
export function VariantFields({
  locale,
  value,
  onChange,
  hashtags,
  errorFor,
}: {
  locale: Locale;
  value: VariantValues;
  onChange: (value: VariantValues) => void;
  hashtags: string[];
  errorFor: (field: string) => string | null;
}) {
  const t = useTranslations("posts.editor");
  const id = (field: string) => `${locale}-${field}`;
  const set = (patch: Partial<VariantValues>) => onChange({ ...value, ...patch });
  return (
    <div className="space-y-4" lang={locale}>
      <div>
        <label htmlFor={id("title")} className="label">{t("title_field")}</label>
        <input id={id("title")} className="input" value={value.title} onChange={(e) => set({ title: e.target.value })} aria-describedby={errorFor(`variants.${locale}.title`) ? id("title-error") : undefined} />
        {errorFor(`variants.${locale}.title`) && <p id={id("title-error")} className="field-error">{errorFor(`variants.${locale}.title`)}</p>}
      </div>
      <div>
        <label htmlFor={id("body")} className="label">{t("body_field")}</label>
        <textarea id={id("body")} rows={4} className="input" value={value.body} onChange={(e) => set({ body: e.target.value })} />
      </div>
      <fieldset className="space-y-4 rounded-lg border border-slate-200 p-3">
        <legend className="px-1 font-semibold">{t("captions_heading")}</legend>
        <p className="text-sm text-slate-700">{t("captions_help")}</p>
        {CAPTION_NETWORKS.map((network) => (
          <CaptionField
            key={network}
            id={id(`caption-${network}`)}
            label={t("caption_for", { network: t(`networks.${network}`) })}
            network={network}
            value={value.captions[network] ?? ""}
            onChange={(text) => set({ captions: { ...value.captions, [network]: text } })}
            hashtags={hashtags}
            error={errorFor(`variants.${locale}.captions.${network}`)}
          />
        ))}
      </fieldset>
      <fieldset className="space-y-4 rounded-lg border border-slate-200 p-3">
        <legend className="px-1 font-semibold">{t("email_heading")}</legend>
        <CaptionField id={id("email-subject")} label={t("email_subject")} value={value.emailSubject} onChange={(emailSubject) => set({ emailSubject })} limit={EMAIL_LIMITS.subject} multiline={false} error={errorFor(`variants.${locale}.emailSubject`)} />
        <CaptionField id={id("email-body")} label={t("email_body")} value={value.emailBody} onChange={(emailBody) => set({ emailBody })} limit={EMAIL_LIMITS.body} rows={6} hashtags={hashtags} error={errorFor(`variants.${locale}.emailBody`)} />
      </fieldset>
    </div>
  );
}
