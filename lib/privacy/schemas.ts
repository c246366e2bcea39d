import { z } from "zod";

// Sensible defaults (an organisation that never opened the page gets these).
export const RETENTION_DEFAULTS = { importFileDays: 0, expiredInviteDays: 30, clickDetailMonths: 13, auditLogYears: 3 } as const;

const httpsUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((u) => u === "" || /^https?:\/\/[^\s]+$/i.test(u), "invalid_url")
  .transform((u) => u || null);

export const updatePrivacySettingsSchema = z.object({
  importFileDays: z.coerce.number().int().min(0).max(90),
  expiredInviteDays: z.coerce.number().int().min(0).max(365),
  clickDetailMonths: z.coerce.number().int().min(1).max(36),
  auditLogYears: z.coerce.number().int().min(1).max(10),
  privacyNoticeUrl: httpsUrl,
});
export type UpdatePrivacySettingsInput = z.output<typeof updatePrivacySettingsSchema>;

export const requestAccountDeletionSchema = z.object({ confirm: z.string().trim().max(320) });
export const leaveOrganizationSchema = z.object({ choice: z.enum(["keep", "erase"]) });
export const deleteWorkspaceSchema = z.object({ confirm: z.string().trim().max(200) });
export const emptySchema = z.object({});

export const downloadSchema = z.object({
  id: z.string().min(1).max(40),
  format: z.enum(["json", "zip"]),
  expires: z.coerce.number().int().positive(),
  sig: z.string().min(1).max(100),
});

// Bumped whenever privacy.consent.body changes, in either language: a consent names the text
// the person saw.
export const JOIN_CONSENT_VERSION = "join-2026-12-01";

// The join page's checkbox: a join without it is refused.
export const consentField = z.literal("on", { message: "consent_required" });
