import { sendInvitationEmailJob } from "@/lib/invitations/jobs";
import { sendPendingInvitation } from "@/lib/invitations/email-invitations";
import { handler } from "../handler";

export default handler(sendInvitationEmailJob, ({ orgId, invitationId }) => sendPendingInvitation(orgId, invitationId));
