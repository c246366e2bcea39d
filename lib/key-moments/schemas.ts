import { z } from "zod";
import { optionalText } from "@/lib/campaigns/schemas";

// Times as typed in a datetime-local field, in the organisation's time zone.
const localDateTime = z.string().trim().min(1).max(40);

const keyMomentFields = z.object({
  title: z.string().trim().min(2).max(200),
  // Shown to English readers (feed badges, alerts); blank: they read `title`.
  titleEn: optionalText(200),
  description: optionalText(4000),
  // Free text: "Éducateurs et conseil", "Tous les membres".
  audience: optionalText(200),
  startsAt: localDateTime,
  endsAt: localDateTime.optional().or(z.literal("").transform(() => undefined)),
});

export const createKeyMomentSchema = keyMomentFields.extend({ campaignId: z.string().min(1) });
export const updateKeyMomentSchema = keyMomentFields.extend({ id: z.string().min(1) });
export const keyMomentIdSchema = z.object({ id: z.string().min(1) });

export type KeyMomentInput = z.output<typeof keyMomentFields>;
