import { z } from "zod";
import { locale } from "@/db/schema/enums";
import { consentField } from "@/lib/privacy/schemas";
import { inviteCodeSchema } from "./invite-link-schemas";

export const profileSchema = z.object({
  firstName: z.string().trim().min(1).max(80),
  lastName: z.string().trim().min(1).max(80),
  locale: z.enum(locale.enumValues),
});
export type Profile = z.infer<typeof profileSchema>;

export const invitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

// Every join asks for consent (lib/privacy/consent.ts records it).
export const requestLinkJoinSchema = profileSchema.extend({
  consent: consentField,
  code: inviteCodeSchema,
  email: z.string().trim().toLowerCase().email(),
});

export const requestInvitationJoinSchema = profileSchema.extend({ token: invitationTokenSchema, consent: consentField });

export const joinLinkSchema = z.object({ code: inviteCodeSchema, consent: consentField });
export const acceptInvitationSchema = z.object({ token: invitationTokenSchema, consent: consentField });
