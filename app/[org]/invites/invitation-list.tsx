import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/app/_components/action-form";
import { SubmitButton } from "@/app/_components/submit-button";
import { cancelInvitationAction, resendInvitationAction } from "@/lib/invitations/email-invitation-actions";
import type { findInvitations } from "@/lib/invitations/email-invitations";

type Invitation = Awaited<ReturnType<typeof findInvitations>>[number];

function statusOf(invitation: Invitation) {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.expiresAt <= new Date()) return "expired";
  return invitation.sentAt ? "sent" : "queued";
}

// Admins may cancel a pending invitation (a mistyped address is free again at once) or send
// it again with a new link.
export async function InvitationList({ invitations, org, canManage }: { invitations: Invitation[]; org: string; canManage: boolean }) {
  const t = await getTranslations("invites");
  const th = await getTranslations("hardening.invitations");
  const format = await getFormatter();
  return (
    <div className="card space-y-2">
      <h3 className="font-semibold">{t("staff.list_title")}</h3>
      {invitations.length === 0 ? (
        <p className="text-sm text-slate-700">{t("staff.list_empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {invitations.map((i) => (
            <li key={i.id} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-2">
              <span className="break-all font-medium">{i.email}</span>
              <span className="text-slate-700">
                {t(`roles.${i.role}`)} · {t(`staff.status.${statusOf(i)}`)} · {format.dateTime(i.createdAt, { dateStyle: "medium" })}
              </span>
              {canManage && !i.acceptedAt ? (
                <span className="flex w-full gap-2">
                  <ActionForm action={resendInvitationAction} hidden={{ org, id: i.id }} success={th("resent")}>
                    <SubmitButton className="btn-secondary">
                      {th("resend_short")}
                      <span className="sr-only"> {i.email}</span>
                    </SubmitButton>
                  </ActionForm>
                  <ActionForm action={cancelInvitationAction} hidden={{ org, id: i.id }} success={th("cancelled")}>
                    <SubmitButton className="btn-secondary">
                      {th("cancel_short")}
                      <span className="sr-only"> {i.email}</span>
                    </SubmitButton>
                  </ActionForm>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
