"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useRef } from "react";
import { FieldError, FormError } from "@/app/_components/form-error";
import { SubmitButton } from "@/app/_components/submit-button";
import type { ActionResult } from "@/lib/action";
import { createKeyMomentAction, updateKeyMomentAction } from "@/lib/key-moments/actions";

export type KeyMomentValues = { id: string; title: string; titleEn: string; description: string; audience: string; startsAt: string; endsAt: string };

// Adds a moment to a campaign, or edits one. Times are in the organisation's time zone.
export function KeyMomentForm({ org, campaignId, moment, timeZone }: { org: string; campaignId: string; moment?: KeyMomentValues; timeZone: string }) {
  const t = useTranslations("campaigns.moments");
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [state, action] = useActionState(async (previous: ActionResult | null, form: FormData) => {
    const result = moment ? await updateKeyMomentAction(previous, form) : await createKeyMomentAction(previous, form);
    if (result.ok && moment) router.push(`/${org}/campaigns/${campaignId}`);
    if (result.ok && !moment) formRef.current?.reset();
    return result;
  }, null);
  const field = (name: keyof KeyMomentValues) => `${moment?.id ?? "new"}-${name}`;
  return (
    <form ref={formRef} action={action} className="space-y-4" noValidate>
      <input type="hidden" name="org" value={org} />
      {moment ? <input type="hidden" name="id" value={moment.id} /> : <input type="hidden" name="campaignId" value={campaignId} />}
      <FormError state={state} />
      {state?.ok && !moment ? <p role="status" className="text-sm text-green-800">{t("added")}</p> : null}
      <div>
        <label htmlFor={field("title")} className="label">{t("title_field")}</label>
        <input id={field("title")} name="title" required className="input" defaultValue={moment?.title} placeholder={t("title_placeholder")} />
        <FieldError state={state} name="title" />
      </div>
      <div>
        <label htmlFor={field("titleEn")} className="label">{t("title_en_field")}</label>
        <input id={field("titleEn")} name="titleEn" lang="en" maxLength={200} className="input" defaultValue={moment?.titleEn} aria-describedby={`${field("titleEn")}-help`} />
        <p id={`${field("titleEn")}-help`} className="mt-1 text-xs text-slate-700">{t("title_en_help")}</p>
        <FieldError state={state} name="titleEn" />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={field("startsAt")} className="label">{t("starts_at")}</label>
          <input id={field("startsAt")} name="startsAt" type="datetime-local" required className="input" defaultValue={moment?.startsAt} aria-describedby={`${field("startsAt")}-tz`} />
          <p id={`${field("startsAt")}-tz`} className="mt-1 text-xs text-slate-700">{t("time_zone", { timeZone })}</p>
          <FieldError state={state} name="startsAt" />
        </div>
        <div>
          <label htmlFor={field("endsAt")} className="label">{t("ends_at")}</label>
          <input id={field("endsAt")} name="endsAt" type="datetime-local" className="input" defaultValue={moment?.endsAt} />
          <FieldError state={state} name="endsAt" />
        </div>
      </div>
      <div>
        <label htmlFor={field("audience")} className="label">{t("audience")}</label>
        <input id={field("audience")} name="audience" className="input" defaultValue={moment?.audience} placeholder={t("audience_placeholder")} />
      </div>
      <div>
        <label htmlFor={field("description")} className="label">{t("description")}</label>
        <textarea id={field("description")} name="description" rows={3} className="input" defaultValue={moment?.description} />
      </div>
      <SubmitButton className="btn-primary">{moment ? t("save") : t("add")}</SubmitButton>
    </form>
  );
}
