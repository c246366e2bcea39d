import type { Database, Transaction } from "@/db/client";
import type { NotificationData, NotificationKind } from "../kinds";

export type OutgoingNotification = {
  orgId: string;
  kind: NotificationKind;
  recipients: string[];
  data: NotificationData;
  href: string | null;
  dedupeKey: string;
};

// A way to reach a person. Delivery is idempotent per (person, dedupe key) on every channel.
export type NotificationChannel = {
  name: string;
  deliver(exec: Database | Transaction, notification: OutgoingNotification): Promise<number>;
};
