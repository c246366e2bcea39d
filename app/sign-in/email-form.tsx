"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError, FormError } from "@/app/_components/form-error";
import { SubmitButton } from "@/app/_components/submit-button";
import { requestMagicLinkAction } from "@/lib/auth/actions";

export function EmailSignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("auth.sign_in");
  const [state, action] = useActionState(requestMagicLinkAction, null);
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormError state={state?.ok === false && !state.fieldErrors ? state : null} />
      <div>
        <label htmlFor="email" className="label">{t("email")}</label>
        <input id="email" name="email" type="email" autoComplete="email" inputMode="email" required className="input" aria-describedby="email-error" />
        <FieldError state={state} name="email" id="email-error" />
      </div>
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <SubmitButton className="btn-primary w-full" pendingLabel={t("sending")}>{t("send_link")}</SubmitButton>
    </form>
  );
}
