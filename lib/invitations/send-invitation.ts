import { sendInvitationEmail } from "./invitation-email";
import { claimInvitationSend, releaseInvitationSend } from "./queries";

// Retries and duplicate enqueues land here too: only the run that claims the send sends.
export async function sendPendingInvitation(orgId: string, invitationId: string) {
  const claimed = await claimInvitationSend(orgId, invitationId);
  if (!claimed) return { sent: false };
  try {
    await sendInvitationEmail({
      to: claimed.invitation.email,
      token: claimed.token,
      orgName: claimed.orgName,
      inviterName: claimed.inviterName ?? claimed.inviterEmail,
      role: claimed.invitation.role,
      expiresAt: claimed.invitation.expiresAt,
      locale: claimed.locale,
    });
  } catch (error) {
    await releaseInvitationSend(invitationId);
    throw error;
  }
  return { sent: true };
}
