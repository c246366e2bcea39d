import { sendInvitationEmailJob } from "@/lib/invitations/jobs";
import { sendPendingInvitation } from "@/lib/invitations/send-invitation";
import { handler } from "../handler";

export default handler(sendInvitationEmailJob, ({ orgId, invitationId }) => sendPendingInvitation(orgId, invitationId));
