"use client";
import { useTranslations } from "next-intl";
import { ConfirmActionForm } from "@/app/_components/action-form";
import { revokeInviteLinkAction } from "@/lib/invitations/invite-link-actions";

export function RevokeInviteLinkButton({ org, id }: { org: string; id: string }) {
  const t = useTranslations("invites.links");
  return (
    <ConfirmActionForm
      action={revokeInviteLinkAction}
      hidden={{ org, id }}
      trigger={t("revoke")}
      title={t("revoke_title")}
      body={t("revoke_confirm")}
      confirm={t("revoke")}
      cancel={t("cancel")}
    />
  );
}
