"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import { FormError } from "@/app/_components/form-error";
import { SubmitButton } from "@/app/_components/submit-button";
import type { LinkPreview } from "@/db/schema/posts";
import type { Locale } from "@/db/schema/enums";
import type { ActionResult } from "@/lib/action";
import { savePostAction } from "@/lib/posts/actions";
import { LinkFields, MediaUpload, type UploadedMedia } from "./media-fields";
import { emptyVariant, VariantFields, type VariantValues } from "./variant-fields";

const KINDS = ["text", "link", "image", "video", "testimonial"] as const;
const LOCALES: Locale[] = ["fr", "en"];

export type EditorValues = {
  id?: string;
  kind: (typeof KINDS)[number];
  campaignId: string;
  keyMomentId: string;
  linkUrl: string;
  linkPreview: LinkPreview | null;
  media: UploadedMedia | null;
  testimonial: { firstName: string; jobTitle: string; quote: string; photo: UploadedMedia | null };
  hashtags: string;
  advocatesCanSee: boolean;
  pinned: boolean;
  publishAt: string;
  expiresAt: string;
  groupIds: string[];
  variants: Partial<Record<Locale, VariantValues>>;
};

export type CampaignChoice = { id: string; name: string; hashtags: string[]; keyMoments: { id: string; title: string }[] };

export function PostEditor({ org, initial, campaigns, groups, timeZone }: { org: string; initial: EditorValues; campaigns: CampaignChoice[]; groups: { id: string; name: string }[]; timeZone: string }) {
  const t = useTranslations("posts.editor");
  const tk = useTranslations("posts.kinds");
  const te = useTranslations("errors.fields");
  const router = useRouter();
  const [v, setV] = useState(initial);
  const [tab, setTab] = useState<Locale>(LOCALES.find((l) => initial.variants[l]) ?? "fr");
  const set = (patch: Partial<EditorValues>) => setV((current) => ({ ...current, ...patch }));
  const campaign = campaigns.find((c) => c.id === v.campaignId) ?? null;

  const [state, action] = useActionState(async () => {
    const result: ActionResult<{ id: string }> = await savePostAction({
      org,
      id: v.id,
      kind: v.kind,
      campaignId: v.campaignId,
      keyMomentId: v.keyMomentId,
      linkUrl: v.linkUrl,
      linkPreview: v.linkPreview,
      mediaId: v.kind === "image" || v.kind === "video" ? v.media?.id : null,
      testimonial: v.kind === "testimonial" ? { firstName: v.testimonial.firstName, jobTitle: v.testimonial.jobTitle, quote: v.testimonial.quote, photoMediaId: v.testimonial.photo?.id } : null,
      hashtags: v.hashtags,
      advocatesCanSee: v.advocatesCanSee,
      pinned: v.pinned,
      publishAt: v.publishAt,
      expiresAt: v.expiresAt,
      groupIds: v.groupIds,
      variants: v.variants,
    });
    if (result.ok) router.push(`/${org}/posts/${result.data.id}`);
    return result;
  }, null);

  const errorFor = (field: string) => {
    const code = state?.ok === false ? state.fieldErrors?.[field]?.[0] : undefined;
    return code ? (te.has(code) ? te(code) : te("invalid")) : null;
  };
  const localesWithErrors = LOCALES.filter((l) => state?.ok === false && Object.keys(state.fieldErrors ?? {}).some((k) => k.startsWith(`variants.${l}.`)));
  const campaignTags = campaign?.hashtags ?? [];

  return (
    <form action={action} className="space-y-6" noValidate>
      <FormError state={state} />

      <fieldset className="card space-y-3">
        <legend className="px-1 text-lg font-semibold">{t("kind")}</legend>
        <div className="flex flex-wrap gap-2">
          {KINDS.map((kind) => (
            <label key={kind} className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-slate-300 px-3 has-[:checked]:border-blue-700 has-[:checked]:bg-blue-50">
              <input type="radio" name="kind" value={kind} checked={v.kind === kind} onChange={() => set({ kind })} className="size-4" />
              {tk(kind)}
            </label>
          ))}
        </div>
        {v.kind === "link" && <LinkFields org={org} url={v.linkUrl} preview={v.linkPreview} onUrl={(linkUrl) => set({ linkUrl })} onPreview={(linkPreview) => set({ linkPreview })} error={errorFor("linkUrl")} />}
        {(v.kind === "image" || v.kind === "video") && (
          <>
            <MediaUpload org={org} id="media" label={t(v.kind === "image" ? "image_file" : "video_file")} value={v.media} onChange={(media) => set({ media })} />
            {errorFor("mediaId") && <p className="field-error">{errorFor("mediaId")}</p>}
          </>
        )}
        {v.kind === "testimonial" && (
          <div className="space-y-3">
            <p className="text-sm text-slate-700">{t("testimonial_help")}</p>
            <div className="grid gap-3 sm:grid-cols-2">
              <div>
                <label htmlFor="t-first-name" className="label">{t("first_name")}</label>
                <input id="t-first-name" className="input" value={v.testimonial.firstName} onChange={(e) => set({ testimonial: { ...v.testimonial, firstName: e.target.value } })} />
              </div>
              <div>
                <label htmlFor="t-job-title" className="label">{t("job_title")}</label>
                <input id="t-job-title" className="input" value={v.testimonial.jobTitle} onChange={(e) => set({ testimonial: { ...v.testimonial, jobTitle: e.target.value } })} />
              </div>
            </div>
            <div>
              <label htmlFor="t-quote" className="label">{t("quote")}</label>
              <textarea id="t-quote" rows={3} maxLength={400} className="input" value={v.testimonial.quote} placeholder={t("quote_placeholder")} onChange={(e) => set({ testimonial: { ...v.testimonial, quote: e.target.value } })} />
            </div>
            <MediaUpload org={org} id="t-photo" label={t("photo")} imagesOnly value={v.testimonial.photo} onChange={(photo) => set({ testimonial: { ...v.testimonial, photo } })} />
            {errorFor("testimonial") && <p className="field-error">{errorFor("testimonial")}</p>}
          </div>
        )}
      </fieldset>

      <fieldset className="card grid gap-4 sm:grid-cols-2">
        <legend className="px-1 text-lg font-semibold">{t("campaign_heading")}</legend>
        <div>
          <label htmlFor="campaignId" className="label">{t("campaign")}</label>
          <select id="campaignId" className="input" value={v.campaignId} onChange={(e) => {
            const next = campaigns.find((c) => c.id === e.target.value);
            set({ campaignId: e.target.value, keyMomentId: "", hashtags: v.hashtags || (next?.hashtags.join(" ") ?? "") });
          }}>
            <option value="">{t("no_campaign")}</option>
            {campaigns.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="keyMomentId" className="label">{t("key_moment")}</label>
          <select id="keyMomentId" className="input" value={v.keyMomentId} onChange={(e) => set({ keyMomentId: e.target.value })} disabled={!campaign}>
            <option value="">{t("no_key_moment")}</option>
            {campaign?.keyMoments.map((m) => <option key={m.id} value={m.id}>{m.title}</option>)}
          </select>
          {errorFor("keyMomentId") && <p className="field-error">{errorFor("keyMomentId")}</p>}
        </div>
        <div className="sm:col-span-2">
          <label htmlFor="hashtags" className="label">{t("hashtags")}</label>
          <input id="hashtags" className="input" value={v.hashtags} onChange={(e) => set({ hashtags: e.target.value })} aria-describedby="hashtags-help" />
          <p id="hashtags-help" className="mt-1 text-sm text-slate-700">{t("hashtags_help")}</p>
        </div>
      </fieldset>

      <section className="card space-y-4" aria-labelledby="variants-heading">
        <h2 id="variants-heading" className="text-lg font-semibold">{t("variants_heading")}</h2>
        <p className="text-sm text-slate-700">{t("variants_help")}</p>
        {errorFor("variants") && <p className="field-error">{errorFor("variants")}</p>}
        <div role="tablist" aria-label={t("variants_heading")} className="flex gap-1 border-b border-slate-200">
          {LOCALES.map((l) => (
            <button
              key={l}
              type="button"
              role="tab"
              id={`tab-${l}`}
              aria-selected={tab === l}
              aria-controls={`panel-${l}`}
              tabIndex={tab === l ? 0 : -1}
              onClick={() => setTab(l)}
              onKeyDown={(e) => {
                if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
                  const next = LOCALES[(LOCALES.indexOf(l) + 1) % LOCALES.length];
                  setTab(next);
                  document.getElementById(`tab-${next}`)?.focus();
                }
              }}
              className="min-h-11 rounded-t-lg px-4 font-semibold aria-selected:border-b-2 aria-selected:border-blue-700 aria-selected:text-blue-800"
            >
              {t(`language_tab.${l}`)}
              {localesWithErrors.includes(l) && <span className="ml-1 text-red-700">{t("tab_has_errors")}</span>}
            </button>
          ))}
        </div>
        {LOCALES.map((l) => (
          <div key={l} role="tabpanel" id={`panel-${l}`} aria-labelledby={`tab-${l}`} hidden={tab !== l}>
            <VariantFields locale={l} value={v.variants[l] ?? emptyVariant()} onChange={(variant) => set({ variants: { ...v.variants, [l]: variant } })} hashtags={campaignTags} errorFor={errorFor} />
          </div>
        ))}
      </section>

      <fieldset className="card space-y-3">
        <legend className="px-1 text-lg font-semibold">{t("audience_heading")}</legend>
        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" className="size-5" checked={v.advocatesCanSee} onChange={(e) => set({ advocatesCanSee: e.target.checked })} />
          {t("advocates_can_see")}
        </label>
        {groups.length > 0 && (
          <fieldset>
            <legend className="label">{t("groups")}</legend>
            <p className="mb-2 text-sm text-slate-700">{t("groups_help")}</p>
            <div className="grid gap-1 sm:grid-cols-2">
              {groups.map((g) => (
                <label key={g.id} className="flex min-h-11 items-center gap-2">
                  <input
                    type="checkbox"
                    className="size-5"
                    checked={v.groupIds.includes(g.id)}
                    onChange={(e) => set({ groupIds: e.target.checked ? [...v.groupIds, g.id] : v.groupIds.filter((id) => id !== g.id) })}
                  />
                  {g.name}
                </label>
              ))}
            </div>
          </fieldset>
        )}
      </fieldset>

      <fieldset className="card grid gap-4 sm:grid-cols-2">
        <legend className="px-1 text-lg font-semibold">{t("timing_heading")}</legend>
        <div>
          <label htmlFor="publishAt" className="label">{t("publish_at")}</label>
          <input id="publishAt" type="datetime-local" step={1} className="input" value={v.publishAt} onChange={(e) => set({ publishAt: e.target.value })} aria-describedby="tz-help" />
          {errorFor("publishAt") && <p className="field-error">{errorFor("publishAt")}</p>}
        </div>
        <div>
          <label htmlFor="expiresAt" className="label">{t("expires_at")}</label>
          <input id="expiresAt" type="datetime-local" step={1} className="input" value={v.expiresAt} onChange={(e) => set({ expiresAt: e.target.value })} aria-describedby="tz-help" />
          {errorFor("expiresAt") && <p className="field-error">{errorFor("expiresAt")}</p>}
        </div>
        <p id="tz-help" className="text-sm text-slate-700 sm:col-span-2">{t("time_zone_help", { timeZone })}</p>
        <label className="flex min-h-11 items-center gap-2 sm:col-span-2">
          <input type="checkbox" className="size-5" checked={v.pinned} onChange={(e) => set({ pinned: e.target.checked })} />
          {t("pinned")}
        </label>
      </fieldset>

      <div className="sticky bottom-0 -mx-3 border-t border-slate-200 bg-white/95 p-3 sm:static sm:mx-0 sm:border-0 sm:bg-transparent sm:p-0">
        <SubmitButton className="btn-primary w-full sm:w-auto">{v.id ? t("save") : t("create")}</SubmitButton>
      </div>
    </form>
  );
}
