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

// Hourly (workers/schedulers.ts): expired join claims are deleted.
export const purgeJoinClaimsJob = defineJob({ name: "purge-join-claims", queue: "default", schema: z.object({}).passthrough() });
export const PURGE_JOIN_CLAIMS_EVERY_MS = 60 * 60_000;
