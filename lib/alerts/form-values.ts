import "server-only";
import Papa from "papaparse";
import type { Alert, AlertTarget } from "@/db/schema";
import { toZonedInput } from "@/lib/calendar/zoned";
import { AppError } from "@/lib/errors";
import { getOrganizationSettings } from "@/lib/organizations/settings";
import type { Tenant } from "@/lib/tenancy";
import { findAlertActions } from "./queries";

// What the composer shows: empty for a new alert, the alert as saved for an edit. One shape
// so that the edit form is the compose form, prefilled.
export type AlertFormValues = {
  titleFr: string;
  titleEn: string;
  messageFr: string;
  messageEn: string;
  campaignId: string;
  audience: "everyone" | "roles" | "groups";
  roles: string[];
  groupIds: string[];
  channels: string[];
  urgent: boolean;
  when: "now" | "later";
  sendAt: string;
  endsAt: string;
  reminderHours: number;
  reminderMax: number;
  share: boolean;
  sharePostId: string;
  email: boolean;
  emailSubject: string;
  emailLetter: string;
  emailSendMode: "mail_app" | "relais";
  emailMatchBy: "district" | "all";
  emailTargets: string;
  call: boolean;
  callPhone: string;
  callScript: string;
  callTargets: string;
  link: boolean;
  linkUrl: string;
  event: boolean;
  eventPlace: string;
  eventStartsAt: string;
  eventEndsAt: string;
};

export const NEW_ALERT: AlertFormValues = {
  titleFr: "",
  titleEn: "",
  messageFr: "",
  messageEn: "",
  campaignId: "",
  audience: "everyone",
  roles: [],
  groupIds: [],
  channels: ["in_app", "email", "push"],
  urgent: false,
  when: "now",
  sendAt: "",
  endsAt: "",
  reminderHours: 0,
  reminderMax: 0,
  share: false,
  sharePostId: "",
  email: false,
  emailSubject: "",
  emailLetter: "",
  emailSendMode: "mail_app",
  emailMatchBy: "district",
  emailTargets: "",
  call: false,
  callPhone: "",
  callScript: "",
  callTargets: "",
  link: false,
  linkUrl: "",
  event: false,
  eventPlace: "",
  eventStartsAt: "",
  eventEndsAt: "",
};

// Targets as the CSV the lead typed (header included), which the form parses back.
const targetsCsv = (targets: AlertTarget[]) =>
  targets.length ? Papa.unparse({ fields: ["name", "title", "email", "phone", "district"], data: targets.map((t) => [t.name, t.title ?? "", t.email ?? "", t.phone ?? "", t.district ?? ""]) }, { newline: "\n" }) : "";

// A scheduled alert as its edit form shows it, times in the workspace's time zone. One that
// has gone out (or was cancelled) is no longer editable: a conflict, as updateAlert says.
export async function getAlertFormValues(tenant: Tenant, alert: Alert) {
  if (alert.status !== "scheduled") throw new AppError("conflict", "The alert has gone out");
  const [{ timeZone }, actions] = await Promise.all([getOrganizationSettings(tenant), findAlertActions(tenant, alert.id)]);
  const values: AlertFormValues = {
    ...NEW_ALERT,
    titleFr: alert.titleFr,
    titleEn: alert.titleEn,
    messageFr: alert.messageFr,
    messageEn: alert.messageEn,
    campaignId: alert.campaignId ?? "",
    audience: alert.audience.kind,
    roles: alert.audience.kind === "roles" ? alert.audience.roles : [],
    groupIds: alert.audience.kind === "groups" ? alert.audience.groupIds : [],
    channels: alert.channels,
    urgent: alert.urgent,
    when: "later",
    sendAt: toZonedInput(alert.sendAt, timeZone),
    endsAt: toZonedInput(alert.endsAt, timeZone),
    reminderHours: alert.reminderHours,
    reminderMax: alert.reminderMax,
  };
  for (const a of actions) {
    const c = a.config;
    if (c.kind === "share") Object.assign(values, { share: true, sharePostId: c.postId });
    if (c.kind === "email") Object.assign(values, { email: true, emailSubject: c.subject, emailLetter: c.letter, emailSendMode: c.sendMode, emailMatchBy: c.matchBy, emailTargets: targetsCsv(a.targets) });
    if (c.kind === "call") Object.assign(values, { call: true, callPhone: c.phone ?? "", callScript: c.script, callTargets: targetsCsv(a.targets) });
    if (c.kind === "link") Object.assign(values, { link: true, linkUrl: c.url });
    if (c.kind === "event") Object.assign(values, { event: true, eventPlace: c.place, eventStartsAt: toZonedInput(new Date(c.startsAt), timeZone), eventEndsAt: toZonedInput(new Date(c.endsAt), timeZone) });
  }
  return values;
}
