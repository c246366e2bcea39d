import type { SQL } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import type { NotificationData, NotificationKind } from "../kinds";

export type OutgoingNotification = {
  orgId: string;
  kind: NotificationKind;
  // Listed user ids, or a query selecting a `user_id` column (a whole audience, set-based).
  recipients: string[] | SQL;
  data: NotificationData;
  href: string | null;
  dedupeKey: string;
};

// A way to reach a person. Delivery is idempotent per (person, dedupe key) on every channel.
export type NotificationChannel = {
  name: string;
  deliver(exec: Database | Transaction, notification: OutgoingNotification): Promise<number>;
};
