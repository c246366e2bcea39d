import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import type { StoredEvent } from "@/lib/jobs/events";

export const sendInvitationEmailJob = defineJob({
  name: "send-invitation-email",
  queue: "emails",
  schema: z.object({ orgId: z.string().min(1), invitationId: z.string().min(1) }),
});

export const onInvitationRequested = ({ orgId, payload }: StoredEvent<"invitation.requested">) => [
  sendInvitationEmailJob.request({ orgId, invitationId: payload.invitationId }, { jobId: `invitation-${payload.invitationId}` }),
];
