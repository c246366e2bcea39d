"use client";
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError, FormError } from "@/app/_components/form-error";
import { SubmitButton } from "@/app/_components/submit-button";
import { acceptInvitationAction, joinWithLinkAction, requestInvitationJoinAction, requestLinkJoinAction } from "@/lib/invitations/join-actions";

type Source = { code: string } | { token: string };
// What the join page says about the data it collects (privacy.consent.*).
export type ConsentInfo = { org: string; noticeUrl: string | null };

type State = Parameters<typeof FieldError>[0]["state"];

function ConsentField({ consent, state }: { consent: ConsentInfo; state: State }) {
  const t = useTranslations("privacy.consent");
  return (
    <fieldset className="space-y-2 rounded-lg border border-slate-300 p-3">
      <legend className="px-1 font-semibold">{t("title")}</legend>
      <p className="text-sm text-slate-800">{t("body", { org: consent.org })}</p>
      {consent.noticeUrl ? (
        <p className="text-sm">
          <a href={consent.noticeUrl} className="text-blue-800 underline" rel="noopener noreferrer" target="_blank">{t("notice", { org: consent.org })}</a>
        </p>
      ) : null}
      <label className="flex items-start gap-2">
        <input type="checkbox" name="consent" required className="mt-1" aria-describedby="join-consent-error" />
        <span>{t("agree")}</span>
      </label>
      <FieldError state={state} name="consent" id="join-consent-error" namespace="privacy.consent" />
    </fieldset>
  );
}

// Signed out: who they are and their language, then a magic link to their address.
export function JoinRequestForm({ source, consent }: { source: Source; consent: ConsentInfo }) {
  const t = useTranslations("join");
  const locale = useLocale();
  const [state, action] = useActionState("code" in source ? requestLinkJoinAction : requestInvitationJoinAction, null);
  if (state?.ok) {
    return (
      <div role="status" className="space-y-2 rounded-lg border border-green-300 bg-green-50 p-4">
        <h2 className="text-xl font-bold text-green-950">{t("check_email.title")}</h2>
        <p className="text-green-950">{t("check_email.body", { email: state.data.email })}</p>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      {"code" in source ? <input type="hidden" name="code" value={source.code} /> : <input type="hidden" name="token" value={source.token} />}
      <FormError state={state?.ok === false && !state.fieldErrors ? state : null} />
      {"code" in source ? (
        <div>
          <label htmlFor="join-email" className="label">{t("form.email")}</label>
          <input id="join-email" name="email" type="email" autoComplete="email" inputMode="email" required className="input" aria-describedby="join-email-error" />
          <FieldError state={state} name="email" id="join-email-error" />
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="join-first-name" className="label">{t("form.first_name")}</label>
          <input id="join-first-name" name="firstName" autoComplete="given-name" required maxLength={80} className="input" aria-describedby="join-first-name-error" />
          <FieldError state={state} name="firstName" id="join-first-name-error" />
        </div>
        <div>
          <label htmlFor="join-last-name" className="label">{t("form.last_name")}</label>
          <input id="join-last-name" name="lastName" autoComplete="family-name" required maxLength={80} className="input" aria-describedby="join-last-name-error" />
          <FieldError state={state} name="lastName" id="join-last-name-error" />
        </div>
      </div>
      <div>
        <label htmlFor="join-locale" className="label">{t("form.language")}</label>
        <select id="join-locale" name="locale" className="input" defaultValue={locale}>
          <option value="fr" lang="fr">Français</option>
          <option value="en" lang="en">English</option>
        </select>
      </div>
      <ConsentField consent={consent} state={state} />
      <p className="text-sm text-slate-700">{t("form.no_password")}</p>
      <SubmitButton className="btn-primary w-full" pendingLabel={t("form.sending")}>{t("form.submit")}</SubmitButton>
    </form>
  );
}

// Signed in already: one button.
export function JoinConfirmForm({ source, label, consent }: { source: Source; label: string; consent: ConsentInfo }) {
  const t = useTranslations("join.signed_in");
  const [state, action] = useActionState("code" in source ? joinWithLinkAction : acceptInvitationAction, null);
  return (
    <form action={action} className="space-y-3">
      {"code" in source ? <input type="hidden" name="code" value={source.code} /> : <input type="hidden" name="token" value={source.token} />}
      <FormError state={state?.ok === false && !state.fieldErrors ? state : null} />
      <ConsentField consent={consent} state={state} />
      <SubmitButton className="btn-primary w-full" pendingLabel={t("joining")}>{label}</SubmitButton>
    </form>
  );
}
