import { z } from "zod";
import { defineJob, jobIdPart } from "@/lib/jobs/define-job";

const ref = z.object({ orgId: z.string().min(1), dedupeKey: z.string().min(1) });

// Sends the due deliveries of one notification (email, push, Slack, Teams); reschedules
// itself for those still waiting (quiet hours, a retry's backoff).
export const deliverNotificationsJob = defineJob({ name: "deliver-notifications", queue: "notifications", schema: ref });

// Every 15 minutes: digests whose time has come.
export const sendDigestsJob = defineJob({ name: "send-digests", queue: "emails", schema: z.object({}).passthrough() });
export const DIGEST_EVERY_MS = 15 * 60_000;

// Adds the sender for `at` (now by default), named by the notification, the second and what
// asks (a chunk): a retried chunk adds nothing, and any number of senders of one notification
// may run at once (each claims different rows).
export function scheduleDeliveries(orgId: string, dedupeKey: string, at: Date = new Date(), by = "") {
  const delay = Math.max(0, at.getTime() - Date.now());
  const second = Math.ceil(at.getTime() / 1000);
  return deliverNotificationsJob.enqueue({ orgId, dedupeKey }, { jobId: `deliver-${jobIdPart(dedupeKey)}-${second}${by ? `-${jobIdPart(by)}` : ""}`, delay });
}
