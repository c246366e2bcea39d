"use client";
import { useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { FieldError, FormError, FormSuccess } from "@/app/_components/form-error";
import { SubmitButton } from "@/app/_components/submit-button";
import type { ActionResult } from "@/lib/action";
import { createSuggestionAction } from "@/lib/suggestions/actions";

export function SuggestionForm({ org }: { org: string }) {
  const t = useTranslations("suggestions.suggest");
  const formRef = useRef<HTMLFormElement>(null);
  const [state, action] = useActionState(async (previous: ActionResult | null, form: FormData) => {
    const result = await createSuggestionAction(previous, form);
    if (result.ok) formRef.current?.reset();
    return result;
  }, null);
  return (
    <form ref={formRef} action={action} className="space-y-4" noValidate>
      <input type="hidden" name="org" value={org} />
      <FormError state={state} />
      {state?.ok && <FormSuccess>{t("sent")}</FormSuccess>}
      <div>
        <label htmlFor="url" className="label">{t("url")}</label>
        <input id="url" name="url" type="url" inputMode="url" className="input" placeholder="https://" />
        <FieldError state={state} name="url" />
      </div>
      <div>
        <label htmlFor="note" className="label">{t("note")}</label>
        <textarea id="note" name="note" rows={4} className="input" placeholder={t("note_placeholder")} />
        <FieldError state={state} name="note" />
      </div>
      <SubmitButton className="btn-primary w-full sm:w-auto">{t("submit")}</SubmitButton>
    </form>
  );
}
