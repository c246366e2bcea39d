import type { SQL } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import type { NotificationChannelName } from "@/db/schema/alerts";
import { inApp } from "./channels/in-app";
import type { NotificationChannel } from "./channels/types";
import { queueDeliveries } from "./deliveries";
import type { NotificationData, NotificationKind } from "./kinds";

const CHANNELS: NotificationChannel[] = [inApp];

export type Notify = {
  orgId: string;
  kind: NotificationKind;
  // User ids, or a query selecting a `user_id` column: a big audience is then written with one
  // INSERT … SELECT per channel instead of a row list built here.
  recipients: string[] | SQL;
  data: NotificationData;
  // Path inside the workspace the notification opens.
  href: string | null;
  // What this notification is about, unique for its kind (a post's publication, a reminder):
  // the dedupe key is `<kind>-<about>`, so the same occurrence never notifies a person twice.
  about: string;
  // Narrows the kind's channels (lib/notifications/kinds.ts), e.g. those an alert chose.
  channels?: readonly NotificationChannelName[];
  // Urgent messages ignore quiet hours and digests (never an unsubscribe).
  urgent?: boolean;
  // Post once to the Slack and Teams webhooks: the organisation's, plus those of these groups.
  chat?: { groupIds: string[] };
};

// The only code that creates notifications. Called inside the transaction of the fact it
// tells (a post submitted) or from a job (a publication's fan-out); returns how many people
// were newly notified in the inbox. Channels that leave Relais (email, push, Slack, Teams)
// get a delivery row each, sent by the deliver-notifications job (lib/notifications/jobs.ts).
export async function notify(exec: Database | Transaction, input: Notify) {
  const { about, ...rest } = input;
  const outgoing = { ...rest, dedupeKey: `${input.kind}-${about}` };
  const [inbox] = await Promise.all([...CHANNELS.map((channel) => channel.deliver(exec, outgoing)), queueDeliveries(exec, outgoing)]);
  return inbox;
}
