"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { FieldError, FormError, FormSuccess } from "@/app/_components/form-error";
import { SubmitButton } from "@/app/_components/submit-button";
import type { ActionResult } from "@/lib/action";
import { createContestAction, updateContestAction } from "@/lib/contests/actions";
import { ACTION_KINDS, RULE_NETWORKS } from "@/lib/contests/rules";

export type ContestFormValues = {
  id?: string;
  nameFr: string;
  nameEn: string;
  descriptionFr: string;
  descriptionEn: string;
  rulesTextFr: string;
  rulesTextEn: string;
  startsAt: string;
  endsAt: string;
  campaignIds: string[];
  groupIds: string[];
  includeStaff: boolean;
  includeAdvocates: boolean;
  prizes: string;
  minScore: number;
  // Form field name → value (share_linkedin, click, cap_daily…); null: blank.
  rules: Record<string, number | null>;
};

type Choice = { id: string; name: string };

export function ContestForm({ org, values, campaigns, groups, timeZone, started, networkLabels }: { org: string; values: ContestFormValues; campaigns: Choice[]; groups: Choice[]; timeZone: string; started: boolean; networkLabels: Record<string, string> }) {
  const t = useTranslations("contests.form");
  const tKinds = useTranslations("contests.rules.kinds");
  const tRules = useTranslations("contests.rules");
  const router = useRouter();
  const [state, action] = useActionState(async (_: ActionResult | null, form: FormData) => {
    const result = values.id ? await updateContestAction(null, form) : await createContestAction(null, form);
    if (result.ok && !values.id) router.push(`/${org}/contests/${(result.data as { id: string }).id}`);
    return result;
  }, null);
  const text = (name: keyof ContestFormValues, label: string, multiline = false) => (
    <div>
      <label htmlFor={name} className="label">{label}</label>
      {multiline ? (
        <textarea id={name} name={name} rows={3} className="input" defaultValue={String(values[name] ?? "")} />
      ) : (
        <input id={name} name={name} className="input" required defaultValue={String(values[name] ?? "")} />
      )}
      <FieldError state={state} name={name} />
    </div>
  );
  const number = (name: string, label: string) => (
    <div key={name}>
      <label htmlFor={name} className="label">{label}</label>
      <input id={name} name={name} type="number" min={0} inputMode="numeric" className="input" defaultValue={values.rules[name] ?? ""} />
      <FieldError state={state} name={name} />
    </div>
  );
  return (
    <form action={action} className="space-y-5" noValidate>
      <input type="hidden" name="org" value={org} />
      {values.id && <input type="hidden" name="id" value={values.id} />}
      <FormError state={state} />
      {state?.ok && values.id && <FormSuccess>{t("saved")}</FormSuccess>}
      {started && <p className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">{t("started_note")}</p>}
      <div className="grid gap-4 sm:grid-cols-2">
        {text("nameFr", t("name_fr"))}
        {text("nameEn", t("name_en"))}
        {text("descriptionFr", t("description_fr"), true)}
        {text("descriptionEn", t("description_en"), true)}
        {text("rulesTextFr", t("rules_text_fr"), true)}
        {text("rulesTextEn", t("rules_text_en"), true)}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="startsAt" className="label">{t("starts_at")}</label>
          <input id="startsAt" name="startsAt" type="datetime-local" className="input" required defaultValue={values.startsAt} readOnly={started} aria-describedby="tz-help" />
          <FieldError state={state} name="startsAt" />
        </div>
        <div>
          <label htmlFor="endsAt" className="label">{t("ends_at")}</label>
          <input id="endsAt" name="endsAt" type="datetime-local" className="input" required defaultValue={values.endsAt} aria-describedby="tz-help" />
          <FieldError state={state} name="endsAt" />
        </div>
        <p id="tz-help" className="text-sm text-slate-700 sm:col-span-2">{t("time_zone", { timeZone })}</p>
      </div>
      <fieldset className="space-y-1">
        <legend className="label">{t("participants")}</legend>
        <label className="flex items-center gap-2"><input type="checkbox" name="includeStaff" defaultChecked={values.includeStaff} /> {t("include_staff")}</label>
        <label className="flex items-center gap-2"><input type="checkbox" name="includeAdvocates" defaultChecked={values.includeAdvocates} /> {t("include_advocates")}</label>
      </fieldset>
      {groups.length > 0 && (
        <fieldset className="space-y-1">
          <legend className="label">{t("groups")}</legend>
          {groups.map((g) => (
            <label key={g.id} className="flex items-center gap-2"><input type="checkbox" name="groupIds[]" value={g.id} defaultChecked={values.groupIds.includes(g.id)} /> {g.name}</label>
          ))}
        </fieldset>
      )}
      {campaigns.length > 0 && (
        <fieldset className="space-y-1">
          <legend className="label">{t("campaigns")}</legend>
          {campaigns.map((c) => (
            <label key={c.id} className="flex items-center gap-2"><input type="checkbox" name="campaignIds[]" value={c.id} defaultChecked={values.campaignIds.includes(c.id)} /> {c.name}</label>
          ))}
        </fieldset>
      )}
      <div>
        <label htmlFor="prizes" className="label">{t("prizes")}</label>
        <textarea id="prizes" name="prizes" rows={3} className="input" defaultValue={values.prizes} aria-describedby="prizes-help" />
        <p id="prizes-help" className="mt-1 text-sm text-slate-700">{t("prizes_help")}</p>
        <FieldError state={state} name="prizes" />
      </div>
      <div className="max-w-xs">
        <label htmlFor="minScore" className="label">{t("min_score")}</label>
        <input id="minScore" name="minScore" type="number" min={0} inputMode="numeric" className="input" defaultValue={values.minScore} />
      </div>
      <fieldset className="space-y-3">
        <legend className="label">{t("points")}</legend>
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {RULE_NETWORKS.map((n) => number(`share_${n}`, t("share_on", { network: networkLabels[n] ?? n })))}
          {number("click", t("click"))}
          {ACTION_KINDS.map((k) => number(`action_${k}`, t("action", { kind: tKinds(k) })))}
          {number("keyMomentBonus", t("bonus"))}
        </div>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="label">{t("caps")}</legend>
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-5">
          {(["daily", "share", "click", "action", "bonus"] as const).map((c) => number(`cap_${c}`, tRules(`cap_${c}`)))}
        </div>
      </fieldset>
      <SubmitButton>{values.id ? t("save") : t("create")}</SubmitButton>
    </form>
  );
}
