import "server-only";
import { getFeedPostOrThrow } from "@/lib/feed/queries";
import type { Tenant } from "@/lib/tenancy";
import { shareReminderJob } from "@/workers/jobs/share-reminder";
import { insertShareReminder } from "./queries";
import type { RemindToShareInput } from "./schemas";

// "Remind me to share" at a chosen time: a row, then a delayed job that turns it into an
// in-app notification at that time (enqueued after the insert committed).
export async function remindToShare(tenant: Tenant, input: RemindToShareInput) {
  await getFeedPostOrThrow(tenant, input.postId);
  const reminder = await insertShareReminder(tenant, input.postId, input.remindAt);
  await shareReminderJob.enqueue(
    { orgId: tenant.orgId, reminderId: reminder.id },
    { delay: Math.max(0, reminder.remindAt.getTime() - Date.now()), jobId: `share-reminder-${reminder.id}` },
  );
  return { id: reminder.id, remindAt: reminder.remindAt.toISOString() };
}
