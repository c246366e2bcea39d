import { getFormatter, getTranslations } from "next-intl/server";
import type { findInvitations } from "@/lib/invitations/email-invitations";

type Invitation = Awaited<ReturnType<typeof findInvitations>>[number];

function statusOf(invitation: Invitation) {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.expiresAt <= new Date()) return "expired";
  return invitation.sentAt ? "sent" : "queued";
}

export async function InvitationList({ invitations }: { invitations: Invitation[] }) {
  const t = await getTranslations("invites");
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
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
