"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormError, FormSuccess } from "@/app/_components/form-error";
import { SubmitButton } from "@/app/_components/submit-button";
import { createInviteLinkAction } from "@/lib/invitations/invite-link-actions";
import { GroupCheckboxes, RoleSelect } from "./group-checkboxes";

export function CreateInviteLinkForm({ org, groups }: { org: string; groups: { id: string; name: string }[] }) {
  const t = useTranslations("invites.links");
  const [state, action] = useActionState(createInviteLinkAction, null);
  const today = new Date().toISOString().slice(0, 10);
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="org" value={org} />
      <FormError state={state} />
      {state?.ok ? <FormSuccess>{t("created")}</FormSuccess> : null}
      <RoleSelect id="link-role" label={t("role")} defaultValue="advocate" />
      <GroupCheckboxes groups={groups} legend={t("groups")} idPrefix="link-group" />
      <div>
        <label htmlFor="link-label" className="label">{t("label")}</label>
        <input id="link-label" name="label" maxLength={120} className="input" aria-describedby="link-label-help" />
        <p id="link-label-help" className="mt-1 text-sm text-slate-700">{t("label_help")}</p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="link-expires" className="label">{t("expires_on")}</label>
          <input id="link-expires" name="expiresOn" type="date" min={today} className="input" />
        </div>
        <div>
          <label htmlFor="link-max" className="label">{t("max_uses")}</label>
          <input id="link-max" name="maxUses" type="number" inputMode="numeric" min={1} max={100000} className="input" />
        </div>
      </div>
      <SubmitButton className="btn-primary w-full sm:w-auto" pendingLabel={t("creating")}>{t("create")}</SubmitButton>
    </form>
  );
}
