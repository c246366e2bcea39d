import type { Database, Transaction } from "@/db/client";
import { inApp } from "./channels/in-app";
import type { NotificationChannel } from "./channels/types";
import type { NotificationData, NotificationKind } from "./kinds";

const CHANNELS: NotificationChannel[] = [inApp];

export type Notify = {
  orgId: string;
  kind: NotificationKind;
  recipients: string[];
  data: NotificationData;
  // Path inside the workspace the notification opens.
  href: string | null;
  // What this notification is about, unique for its kind (a post's publication, a reminder):
  // the dedupe key is `<kind>-<about>`, so the same occurrence never notifies a person twice.
  about: string;
};

// The only code that creates notifications. Called inside the transaction of the fact it
// tells (a post submitted) or from a job (a publication's fan-out); returns how many people
// were newly notified in the inbox.
export async function notify(exec: Database | Transaction, input: Notify) {
  const { about, ...rest } = input;
  const outgoing = { ...rest, dedupeKey: `${input.kind}-${about}` };
  const [inbox] = await Promise.all(CHANNELS.map((channel) => channel.deliver(exec, outgoing)));
  return inbox;
}
