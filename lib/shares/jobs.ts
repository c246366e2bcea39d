import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import type { StoredEvent } from "@/lib/jobs/events";

// At the time a member chose, one notification pointing at the post.
export const shareReminderJob = defineJob({
  name: "share-reminder",
  queue: "notifications",
  schema: z.object({ orgId: z.string().min(1), reminderId: z.string().min(1) }),
});

export const onReminderRequested = ({ orgId, payload }: StoredEvent<"reminder.requested">) => [
  shareReminderJob.request(
    { orgId, reminderId: payload.reminderId },
    { jobId: `share-reminder-${payload.reminderId}`, delay: Math.max(0, new Date(payload.remindAt).getTime() - Date.now()) },
  ),
];
