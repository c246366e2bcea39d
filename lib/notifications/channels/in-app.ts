import type { Database, Transaction } from "@/db/client";
import { notifications } from "@/db/schema";
import type { NotificationChannel } from "./types";

// The inbox: one row per person. A repeated dedupe key for the same person is skipped, so a
// retried job or a double click never notifies twice.
export const inApp: NotificationChannel = {
  name: "in_app",
  async deliver(exec: Database | Transaction, n) {
    if (!n.recipients.length) return 0;
    const inserted = await exec
      .insert(notifications)
      .values(n.recipients.map((userId) => ({ organizationId: n.orgId, userId, type: n.kind, data: n.data, href: n.href, dedupeKey: n.dedupeKey })))
      .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
      .returning({ id: notifications.id });
    return inserted.length;
  },
};
