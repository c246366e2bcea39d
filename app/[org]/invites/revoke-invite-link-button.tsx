"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormError } from "@/app/_components/form-error";
import { SubmitButton } from "@/app/_components/submit-button";
import { revokeInviteLinkAction } from "@/lib/invites/actions";

export function RevokeInviteLinkButton({ org, id }: { org: string; id: string }) {
  const t = useTranslations("invites.links");
  const [state, action] = useActionState(revokeInviteLinkAction, null);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(t("revoke_confirm"))) e.preventDefault();
      }}
    >
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="id" value={id} />
      <FormError state={state} />
      <SubmitButton className="btn-danger">{t("revoke")}</SubmitButton>
    </form>
  );
}
