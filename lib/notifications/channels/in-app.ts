import { sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { idHead } from "@/db/id";
import { notifications } from "@/db/schema";
import type { NotificationChannel } from "./types";

// The inbox: one row per person. A repeated dedupe key for the same person is skipped, so a
// retried job or a double click never notifies twice.
export const inApp: NotificationChannel = {
  name: "in_app",
  async deliver(exec: Database | Transaction, n) {
    if (Array.isArray(n.recipients)) {
      if (!n.recipients.length) return 0;
      const inserted = await exec
        .insert(notifications)
        .values(n.recipients.map((userId) => ({ organizationId: n.orgId, userId, type: n.kind, data: n.data, href: n.href, dedupeKey: n.dedupeKey })))
        .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
        .returning({ id: notifications.id });
      return inserted.length;
    }
    // A whole audience in one statement: ids made in SQL (same shape as createId: time head,
    // 16 random base32 characters; hex digits are in that alphabet).
    const [row] = await exec.execute<{ n: number }>(sql`
      with inserted as (
        insert into ${notifications} (id, organization_id, user_id, type, data, href, dedupe_key)
        select ${idHead("ntf")} || substr(md5(random()::text || r.user_id), 1, 16), ${n.orgId}, r.user_id, ${n.kind}, ${JSON.stringify(n.data)}::jsonb, ${n.href}, ${n.dedupeKey}
        from (${n.recipients}) r
        on conflict (user_id, dedupe_key) do nothing
        returning 1)
      select count(*)::int as n from inserted`);
    return Number(row?.n ?? 0);
  },
};
