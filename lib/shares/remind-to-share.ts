import "server-only";
import { getFeedPostOrThrow } from "@/lib/feed/queries";
import type { Tenant } from "@/lib/tenancy";
import { insertShareReminder } from "./queries";
import type { RemindToShareInput } from "./schemas";

// "Remind me to share" at a chosen time: a row and, in the same transaction, the event that
// becomes a delayed job (lib/shares/jobs.ts) turning it into a notification at that time.
export async function remindToShare(tenant: Tenant, input: RemindToShareInput) {
  await getFeedPostOrThrow(tenant, input.postId);
  const reminder = await insertShareReminder(tenant, input.postId, input.remindAt);
  return { id: reminder.id, remindAt: reminder.remindAt.toISOString() };
}
