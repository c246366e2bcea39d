import { z } from "zod";
import { defineJob, removeJob, type JobRequest } from "@/lib/jobs/define-job";
import type { StoredEvent } from "@/lib/jobs/events";

const alertRef = z.object({ orgId: z.string().min(1), alertId: z.string().min(1) });

// At the alert's time: its audience cut in chunks, one job each. `sendAt` names the time the
// job was made for; an edited or cancelled alert's old job finds it changed and does nothing.
export const alertFanoutJob = defineJob({ name: "alert-fanout", queue: "notifications", schema: alertRef.extend({ sendAt: z.iso.datetime({ offset: true }) }) });
export const alertChunkJob = defineJob({
  name: "alert-chunk",
  queue: "notifications",
  schema: alertRef.extend({ index: z.number().int().min(0), total: z.number().int().min(1), after: z.string(), upTo: z.string().nullable() }),
});
// Round n of "you have not acted yet", or an event's reminder ("day" before, "hour" before).
export const alertReminderJob = defineJob({ name: "alert-reminder", queue: "notifications", schema: alertRef.extend({ round: z.string().min(1) }) });
export const alertLetterJob = defineJob({
  name: "send-alert-letter",
  queue: "emails",
  schema: z.object({ orgId: z.string().min(1), letterId: z.string().min(1) }),
  // A decision-maker's hourly quota may be full: wait it out.
  options: { attempts: 12, backoff: { type: "exponential", delay: 60_000 } },
});

export const fanoutJobId = (alertId: string, sendAt: string | Date) => `alert-fanout-${alertId}-${new Date(sendAt).getTime()}`;

const fanoutRequest = (orgId: string, alertId: string, sendAt: string) =>
  alertFanoutJob.request({ orgId, alertId, sendAt }, { jobId: fanoutJobId(alertId, sendAt), delay: Math.max(0, new Date(sendAt).getTime() - Date.now()) });

// Scheduled or moved: the old time's job goes, the new one comes.
export function onAlertScheduled({ orgId, payload }: StoredEvent<"alert.scheduled">): JobRequest[] {
  const requests: JobRequest[] = [];
  if (payload.previousSendAt) requests.push(removeJob("notifications", fanoutJobId(payload.alertId, payload.previousSendAt)));
  requests.push(fanoutRequest(orgId, payload.alertId, payload.sendAt));
  return requests;
}

export const onAlertCancelled = ({ payload }: StoredEvent<"alert.cancelled">): JobRequest[] => [removeJob("notifications", fanoutJobId(payload.alertId, payload.sendAt))];

export const onLetterRequested = ({ orgId, payload }: StoredEvent<"alert.letter.requested">): JobRequest[] => [
  alertLetterJob.request({ orgId, letterId: payload.letterId }, { jobId: `alert-letter-${payload.letterId}` }),
];

// A share of a post that an open alert asks members to share: that call to action is done.
export const alertShareDoneJob = defineJob({ name: "alert-share-done", queue: "notifications", schema: z.object({ orgId: z.string().min(1), postId: z.string().min(1), userId: z.string().min(1) }) });

export const onShareRecorded = ({ orgId, payload }: StoredEvent<"share.recorded">): JobRequest[] => [alertShareDoneJob.request({ orgId, postId: payload.postId, userId: payload.userId })];
