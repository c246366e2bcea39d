import Papa from "papaparse";
import { z } from "zod";
import { alertActionKind, notificationChannel } from "@/db/schema/alerts";
import { role } from "@/db/schema/enums";
import { checkbox } from "@/lib/form-data";

const text = (max: number) => z.string().trim().max(max);
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || null);
const id = z.string().trim().min(1).max(64);
const many = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(200));
// "2026-12-02T09:30" typed in the workspace's time zone (datetime-local), or an instant.
const localTime = z
  .string()
  .trim()
  .max(40)
  .optional()
  .transform((v) => v || null)
  .refine((v) => v === null || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.test(v), "invalid_date");
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export type TargetInput = { name: string; title: string | null; email: string | null; phone: string | null; district: string | null };

const targetSchema = z.object({
  name: text(200).min(1),
  title: optional(200),
  email: z
    .string()
    .trim()
    .max(320)
    .optional()
    .transform((v) => v || null)
    .pipe(z.email().nullable()),
  phone: optional(40),
  district: optional(200),
});

// Targets typed or pasted as CSV: name, title, email, phone, district (a header row optional).
export const targetsCsvSchema = z
  .string()
  .max(200_000)
  .optional()
  .transform((raw, ctx) => {
    if (!raw?.trim()) return [] as TargetInput[];
    const rows = Papa.parse<string[]>(raw.trim(), { skipEmptyLines: true }).data;
    const header = rows[0]?.map((h) => h.trim().toLowerCase());
    const named = header && header.includes("name");
    const col = (r: string[], name: string, index: number) => (named ? r[header!.indexOf(name)] : r[index]) ?? "";
    const out: TargetInput[] = [];
    for (const r of named ? rows.slice(1) : rows) {
      const parsed = targetSchema.safeParse({ name: col(r, "name", 0), title: col(r, "title", 1), email: col(r, "email", 2), phone: col(r, "phone", 3), district: col(r, "district", 4) });
      if (!parsed.success) {
        ctx.addIssue({ code: "custom", message: "invalid_target" });
        return z.NEVER;
      }
      out.push(parsed.data);
    }
    if (out.length > 2000) {
      ctx.addIssue({ code: "custom", message: "too_many_targets" });
      return z.NEVER;
    }
    return out;
  });

const phone = z
  .string()
  .trim()
  .max(40)
  .optional()
  .transform((v) => v || null)
  .refine((v) => v === null || /^\+?[0-9 ().-]{3,40}$/.test(v), "invalid_phone");

// The composer's form: the alert, then one block per kind of call to action, each switched on
// by its checkbox.
export const alertFormSchema = z
  .object({
    titleFr: text(200).min(1),
    titleEn: text(200).min(1),
    messageFr: text(2000).min(1),
    messageEn: text(2000).min(1),
    campaignId: optional(64),
    audience: z.enum(["everyone", "roles", "groups"]).default("everyone"),
    roles: many(z.enum(role.enumValues)),
    groupIds: many(id),
    channels: many(z.enum(notificationChannel.enumValues)).refine((v) => v.length > 0, "choose_channel"),
    urgent: checkbox,
    when: z.enum(["now", "later"]).default("now"),
    sendAt: localTime,
    endsAt: localTime,
    reminderHours: int(0, 168).default(0),
    reminderMax: int(0, 5).default(0),
    share: checkbox,
    sharePostId: optional(64),
    email: checkbox,
    emailSubject: optional(300),
    emailLetter: optional(10_000),
    emailSendMode: z.enum(["mail_app", "relais"]).default("mail_app"),
    emailMatchBy: z.enum(["district", "all"]).default("district"),
    emailTargets: targetsCsvSchema,
    call: checkbox,
    callPhone: phone,
    callScript: optional(3000),
    callTargets: targetsCsvSchema,
    link: checkbox,
    linkUrl: optional(2000).pipe(z.url({ protocol: /^https?$/ }).nullable()),
    event: checkbox,
    eventPlace: optional(500),
    eventStartsAt: localTime,
    eventEndsAt: localTime,
  })
  .superRefine((v, ctx) => {
    const need = (ok: unknown, path: string, message = "required") => {
      if (!ok) ctx.addIssue({ code: "custom", path: [path], message });
    };
    if (v.audience === "roles") need(v.roles.length, "roles");
    if (v.audience === "groups") need(v.groupIds.length, "groupIds");
    if (v.when === "later") need(v.sendAt, "sendAt");
    if (v.share) need(v.sharePostId, "sharePostId");
    if (v.email) {
      need(v.emailSubject, "emailSubject");
      need(v.emailLetter, "emailLetter");
      need(v.emailTargets.length, "emailTargets");
      need(v.emailTargets.every((t) => t.email), "emailTargets", "target_without_email");
    }
    if (v.call) need(v.callPhone || v.callTargets.some((t) => t.phone), "callPhone");
    if (v.call) need(v.callScript, "callScript");
    if (v.link) need(v.linkUrl, "linkUrl");
    if (v.event) {
      need(v.eventPlace, "eventPlace");
      need(v.eventStartsAt, "eventStartsAt");
    }
    need(v.share || v.email || v.call || v.link || v.event, "actions", "choose_action");
  });
export type AlertFormInput = z.infer<typeof alertFormSchema>;

export const createAlertSchema = alertFormSchema;
export const updateAlertSchema = z.object({ alertId: id }).and(alertFormSchema);
export const alertRefSchema = z.object({ alertId: id });

export const ACTION_OUTCOMES = {
  share: ["shared"],
  email: ["sent"],
  call: ["talked", "voicemail", "no_answer"],
  link: ["clicked"],
  event: ["yes", "no"],
} as const satisfies Record<(typeof alertActionKind.enumValues)[number], readonly string[]>;

export const completeActionSchema = z.object({
  actionId: id,
  outcome: z.enum(["shared", "sent", "talked", "voicemail", "no_answer", "clicked", "yes", "no"]),
  targetId: optional(64),
});

export const sendLetterSchema = z.object({
  actionId: id,
  subject: text(300).min(1),
  body: text(10_000).min(1),
  // Picked by the member when their district does not match; else the matched target(s).
  targetId: optional(64),
});

export const chooseDistrictSchema = z.object({ district: text(200).min(1) });
