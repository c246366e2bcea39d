import { z } from "zod";
import { inviteRole } from "@/db/schema/invitations";

// A calendar day typed in a date field; the link works until the end of that day in the
// organisation's time zone.
const optionalDay = z.preprocess((v) => (v === "" || v == null ? undefined : v), z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional());

const optionalPositiveInt = z.preprocess((v) => (v === "" || v == null ? undefined : v), z.coerce.number().int().min(1).max(100_000).optional());

export const groupIdsField = z.array(z.string().min(1)).max(50).default([]);

export const createInviteLinkSchema = z.object({
  role: z.enum(inviteRole.enumValues).default("advocate"),
  groupIds: groupIdsField,
  label: z.string().trim().max(120).optional().transform((v) => v || null),
  expiresOn: optionalDay,
  maxUses: optionalPositiveInt,
});
export type CreateInviteLinkInput = z.infer<typeof createInviteLinkSchema>;

export const inviteLinkIdSchema = z.object({ id: z.string().min(1) });

// Invite links are unguessable: 96 random bits, URL-safe.
export const inviteCodeSchema = z.string().regex(/^[A-Za-z0-9_-]{16}$/);

export type InviteLinkState = "active" | "expired" | "revoked" | "used_up";

export function inviteLinkState(link: { revokedAt: Date | null; expiresAt: Date | null; maxUses: number | null; useCount: number }, now = new Date()): InviteLinkState {
  if (link.revokedAt) return "revoked";
  if (link.expiresAt && link.expiresAt <= now) return "expired";
  if (link.maxUses !== null && link.useCount >= link.maxUses) return "used_up";
  return "active";
}
