import { z } from "zod";
import { claimInvitationSend, releaseInvitationSend } from "@/lib/invitations/email-invitations";
import { sendInvitationEmail } from "@/lib/invitations/send-invitation-email";
import { defineJob } from "../define-job";

export const sendInvitationEmailJob = defineJob({
  name: "send-invitation-email",
  queue: "emails",
  schema: z.object({ orgId: z.string().min(1), invitationId: z.string().min(1) }),
  async handle({ orgId, invitationId }) {
    // Retries and duplicate enqueues land here too: only the run that claims the send sends.
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
  },
});

export function enqueueInvitationEmails(orgId: string, invitationIds: string[]) {
  return Promise.all(invitationIds.map((invitationId) => sendInvitationEmailJob.enqueue({ orgId, invitationId }, { jobId: `invitation-${invitationId}` })));
}
