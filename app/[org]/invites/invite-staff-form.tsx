"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { FormError, FormSuccess } from "@/app/_components/form-error";
import { SubmitButton } from "@/app/_components/submit-button";
import type { ActionResult } from "@/lib/action";
import { inviteStaffAction } from "@/lib/invitations/email-invitation-actions";
import { MAX_EMAILS_PER_INVITE, parseEmailList } from "@/lib/invitations/email-invitation-schemas";
import { GroupCheckboxes, RoleSelect } from "./group-checkboxes";

type Result = ActionResult<{ invited: number; skipped: number }>;

export function InviteStaffForm({ org, groups }: { org: string; groups: { id: string; name: string }[] }) {
  const t = useTranslations("invites.staff");
  // Controlled, so that a refused list stays in place to be fixed.
  const [emails, setEmails] = useState("");
  const [state, action] = useActionState(async (previous: Result | null, form: FormData) => {
    const result = await inviteStaffAction(previous, form);
    if (result.ok) setEmails("");
    return result;
  }, null);
  const emailError = state && !state.ok ? state.fieldErrors?.emails?.[0] : undefined;
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="org" value={org} />
      <FormError state={state && !state.ok && !state.fieldErrors ? state : null} />
      {state?.ok ? (
        <FormSuccess>
          {t("result", { invited: state.data.invited })} {state.data.skipped ? t("skipped", { count: state.data.skipped }) : null}
        </FormSuccess>
      ) : null}
      <div>
        <label htmlFor="staff-emails" className="label">{t("emails")}</label>
        <textarea
          id="staff-emails"
          name="emails"
          rows={5}
          required
          value={emails}
          onChange={(e) => setEmails(e.target.value)}
          className="input font-mono text-sm"
          aria-describedby="staff-emails-help staff-emails-error"
          aria-invalid={Boolean(emailError)}
          autoComplete="off"
        />
        <p id="staff-emails-help" className="mt-1 text-sm text-slate-700">{t("emails_help")}</p>
        {emailError ? (
          <p id="staff-emails-error" className="field-error">
            {emailError === "invalid_emails"
              ? t("errors.invalid_emails", { list: parseEmailList(emails).invalid.join(", ") })
              : emailError === "too_many_emails"
                ? t("errors.too_many_emails", { max: MAX_EMAILS_PER_INVITE })
                : t("errors.no_emails")}
          </p>
        ) : null}
      </div>
      <RoleSelect id="staff-role" label={t("role")} defaultValue="staff" />
      <GroupCheckboxes groups={groups} legend={t("groups")} idPrefix="staff-group" />
      <SubmitButton className="btn-primary w-full sm:w-auto" pendingLabel={t("sending")}>{t("submit")}</SubmitButton>
    </form>
  );
}
