"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useId, useState } from "react";
import { FieldError, FormError } from "@/app/_components/form-error";
import { SubmitButton } from "@/app/_components/submit-button";
import type { Objective } from "@/db/schema/campaigns";
import type { ActionResult } from "@/lib/action";
import { createCampaignAction, updateCampaignAction } from "@/lib/campaigns/actions";
import { OBJECTIVE_METRICS } from "@/lib/campaigns/schemas";
import { slugify } from "@/lib/organizations/schemas";

export type CampaignFormValues = {
  id?: string;
  name: string;
  nameEn: string;
  slug: string;
  goal: string;
  objectives: Objective[];
  hashtags: string[];
  languages: string[];
  status: string;
  startsOn: string;
  endsOn: string;
};

const STATUSES = ["draft", "active", "ended", "archived"] as const;
type Row = { key: number; label: string; metric: Objective["metric"]; target: string };

export function CampaignForm({ org, campaign }: { org: string; campaign?: CampaignFormValues }) {
  const t = useTranslations("campaigns.form");
  const router = useRouter();
  const ids = useId();
  const [name, setName] = useState(campaign?.name ?? "");
  const [slug, setSlug] = useState(campaign?.slug ?? "");
  const [slugTouched, setSlugTouched] = useState(Boolean(campaign));
  const [rows, setRows] = useState<Row[]>(() => (campaign?.objectives ?? []).map((o, i) => ({ key: i, label: o.label, metric: o.metric, target: String(o.target) })));

  const [state, action] = useActionState(async (_: ActionResult | null, form: FormData) => {
    const input = {
      org,
      id: campaign?.id,
      name,
      nameEn: form.get("nameEn"),
      slug,
      goal: form.get("goal"),
      objectives: rows.map(({ label, metric, target }) => ({ label, metric, target })),
      hashtags: form.get("hashtags"),
      languages: form.getAll("languages"),
      status: form.get("status"),
      startsOn: form.get("startsOn"),
      endsOn: form.get("endsOn"),
    };
    const result = campaign ? await updateCampaignAction(input) : await createCampaignAction(input);
    if (result.ok) router.push(`/${org}/campaigns/${result.data.id}`);
    return result;
  }, null);

  const updateRow = (key: number, patch: Partial<Row>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  return (
    <form action={action} className="space-y-5" noValidate>
      <FormError state={state} />
      <div>
        <label htmlFor="name" className="label">{t("name")}</label>
        <input id="name" name="name" required className="input" value={name} onChange={(e) => { setName(e.target.value); if (!slugTouched) setSlug(slugify(e.target.value)); }} />
        <FieldError state={state} name="name" />
      </div>
      <div>
        <label htmlFor="nameEn" className="label">{t("name_en")}</label>
        <input id="nameEn" name="nameEn" lang="en" maxLength={160} className="input" defaultValue={campaign?.nameEn} aria-describedby="nameEn-help" />
        <p id="nameEn-help" className="mt-1 text-sm text-slate-700">{t("name_en_help")}</p>
        <FieldError state={state} name="nameEn" />
      </div>
      <div>
        <label htmlFor="slug" className="label">{t("slug")}</label>
        <input id="slug" name="slug" className="input" value={slug} aria-describedby="slug-help" onChange={(e) => { setSlugTouched(true); setSlug(e.target.value); }} />
        <p id="slug-help" className="mt-1 text-sm text-slate-700">{t("slug_help")}</p>
        <FieldError state={state} name="slug" />
      </div>
      <div>
        <label htmlFor="goal" className="label">{t("goal")}</label>
        <textarea id="goal" name="goal" rows={3} className="input" defaultValue={campaign?.goal} />
      </div>

      <fieldset className="space-y-3">
        <legend className="label">{t("objectives")}</legend>
        <p className="text-sm text-slate-700">{t("objectives_help")}</p>
        {rows.map((row, index) => (
          <div key={row.key} className="grid gap-2 rounded-lg border border-slate-200 p-3 sm:grid-cols-[1fr_10rem_8rem_auto] sm:items-end">
            <div>
              <label htmlFor={`${ids}-label-${row.key}`} className="label">{t("objective_label", { n: index + 1 })}</label>
              <input id={`${ids}-label-${row.key}`} className="input" value={row.label} placeholder={t("objective_placeholder")} onChange={(e) => updateRow(row.key, { label: e.target.value })} />
            </div>
            <div>
              <label htmlFor={`${ids}-metric-${row.key}`} className="label">{t("metric")}</label>
              <select id={`${ids}-metric-${row.key}`} className="input" value={row.metric} onChange={(e) => updateRow(row.key, { metric: e.target.value as Objective["metric"] })}>
                {OBJECTIVE_METRICS.map((m) => <option key={m} value={m}>{t(`metrics.${m}`)}</option>)}
              </select>
            </div>
            <div>
              <label htmlFor={`${ids}-target-${row.key}`} className="label">{t("target")}</label>
              <input id={`${ids}-target-${row.key}`} type="number" min={1} inputMode="numeric" className="input" value={row.target} onChange={(e) => updateRow(row.key, { target: e.target.value })} />
            </div>
            <button type="button" className="btn-secondary" onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}>
              {t("remove_objective", { n: index + 1 })}
            </button>
          </div>
        ))}
        <FieldError state={state} name="objectives" />
        <button type="button" className="btn-secondary" onClick={() => setRows((all) => [...all, { key: Math.max(-1, ...all.map((r) => r.key)) + 1, label: "", metric: "shares", target: "" }])}>
          {t("add_objective")}
        </button>
      </fieldset>

      <div>
        <label htmlFor="hashtags" className="label">{t("hashtags")}</label>
        <input id="hashtags" name="hashtags" className="input" defaultValue={campaign?.hashtags.join(" ")} aria-describedby="hashtags-help" placeholder="#AuDelàDuTravailDécent" />
        <p id="hashtags-help" className="mt-1 text-sm text-slate-700">{t("hashtags_help")}</p>
        <FieldError state={state} name="hashtags" />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="startsOn" className="label">{t("starts_on")}</label>
          <input id="startsOn" name="startsOn" type="date" className="input" defaultValue={campaign?.startsOn} />
          <FieldError state={state} name="startsOn" />
        </div>
        <div>
          <label htmlFor="endsOn" className="label">{t("ends_on")}</label>
          <input id="endsOn" name="endsOn" type="date" className="input" defaultValue={campaign?.endsOn} />
          <FieldError state={state} name="endsOn" />
        </div>
      </div>
      <fieldset>
        <legend className="label">{t("languages")}</legend>
        <div className="flex gap-4">
          {(["fr", "en"] as const).map((l) => (
            <label key={l} className="flex min-h-11 items-center gap-2">
              <input type="checkbox" name="languages" value={l} defaultChecked={campaign ? campaign.languages.includes(l) : true} className="size-5" />
              {t(`language_names.${l}`)}
            </label>
          ))}
        </div>
        <FieldError state={state} name="languages" />
      </fieldset>
      <div>
        <label htmlFor="status" className="label">{t("status")}</label>
        <select id="status" name="status" className="input" defaultValue={campaign?.status ?? "draft"}>
          {STATUSES.map((s) => <option key={s} value={s}>{t(`statuses.${s}`)}</option>)}
        </select>
      </div>
      <SubmitButton className="btn-primary w-full sm:w-auto">{campaign ? t("save") : t("create")}</SubmitButton>
    </form>
  );
}
