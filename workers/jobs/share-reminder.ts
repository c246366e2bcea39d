import { z } from "zod";
import { db } from "@/db/client";
import { insertNotifications } from "@/lib/notifications/queries";
import { postTitles } from "@/lib/posts/queries";
import { getShareReminder, markShareReminderSent } from "@/lib/shares/queries";
import { defineJob } from "../define-job";

// At the time a member chose, one in-app notification pointing at the post. A retry, a
// second enqueue or a run after the notification went out adds nothing: the reminder is
// re-read, and the notification's dedupe key names the reminder.
export const shareReminderJob = defineJob({
  name: "share-reminder",
  queue: "notifications",
  schema: z.object({ orgId: z.string().min(1), reminderId: z.string().min(1) }),
  async handle({ orgId, reminderId }) {
    const reminder = await getShareReminder(orgId, reminderId);
    if (!reminder || reminder.sentAt) return { notified: 0 };
    const data = { postId: reminder.postId, ...(await postTitles(db, reminder.postId)) };
    const notified = await insertNotifications(db, orgId, [
      { userId: reminder.userId, type: "share_reminder", data, href: `/feed/${reminder.postId}`, dedupeKey: `share-reminder-${reminder.id}` },
    ]);
    await markShareReminderSent(reminder.id);
    return { notified };
  },
});
