import { z } from "zod";
import { campaignStatus } from "@/db/schema/campaigns";
import { locale } from "@/db/schema/enums";
import { isDayKey } from "@/lib/calendar/grid";
import { slugify } from "@/lib/organizations/schemas";

export const OBJECTIVE_METRICS = ["shares", "clicks", "actions", "members"] as const;

// "#Au-delàDuTravailDécent, travaildécent" → ["#Au-delàDuTravailDécent", "#travaildécent"].
export function normalizeHashtags(value: string | string[]) {
  const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(/[\s,]+/));
  const tags = parts.map((p) => p.trim().replace(/^#+/, "")).filter(Boolean).map((p) => `#${p}`);
  // The first spelling wins: "#Au-delàDuTravailDécent" then "#au-delàdutravaildécent" is one tag.
  const seen = new Set<string>();
  return tags.filter((t) => !seen.has(t.toLocaleLowerCase()) && seen.add(t.toLocaleLowerCase()));
}

export const hashtagsSchema = z
  .union([z.string(), z.array(z.string())])
  .default([])
  .transform(normalizeHashtags)
  .pipe(z.array(z.string().max(100)).max(30));

// Blank → null, so clearing a field clears the column.
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || null);

const dayField = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || null)
  .refine((v) => v === null || isDayKey(v), "invalid_date");

export const objectiveSchema = z.object({
  label: z.string().trim().min(1).max(200),
  metric: z.enum(OBJECTIVE_METRICS),
  target: z.coerce.number().int().positive().max(1_000_000_000),
});

export const campaignSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slug_format");

const campaignFields = z.object({
  name: z.string().trim().min(2).max(160),
  // Shown to English readers (feed, badges, alerts); blank: they read `name`.
  nameEn: optionalText(160),
  slug: campaignSlugSchema.optional().or(z.literal("").transform(() => undefined)),
  goal: optionalText(2000),
  objectives: z.array(objectiveSchema).max(20).default([]),
  hashtags: hashtagsSchema,
  languages: z.array(z.enum(locale.enumValues)).min(1).default(["fr", "en"]),
  status: z.enum(campaignStatus.enumValues).default("draft"),
  // Calendar days in the organisation's time zone.
  startsOn: dayField,
  endsOn: dayField,
});

function withCampaignRules<T extends z.ZodType<z.output<typeof campaignFields>>>(schema: T) {
  return schema
    .refine((c) => !c.startsOn || !c.endsOn || c.endsOn >= c.startsOn, { path: ["endsOn"], message: "ends_before_start" })
    .transform((c) => ({ ...c, slug: c.slug || slugify(c.name) || "campagne" }));
}

export const campaignSchema = withCampaignRules(campaignFields);
export type CampaignInput = z.output<typeof campaignSchema>;

export const updateCampaignSchema = withCampaignRules(campaignFields.extend({ id: z.string().min(1) }));
export const campaignIdSchema = z.object({ id: z.string().min(1) });
