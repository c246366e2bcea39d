import { z } from "zod";
import { locale } from "@/db/schema/enums";
import { RESERVED_SLUGS } from "./reserved-slugs";

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2)
  .max(48)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slug_format")
  .refine((s) => !RESERVED_SLUGS.has(s), "slug_reserved");

export const createOrganizationSchema = z.object({
  name: z.string().trim().min(2).max(120),
  slug: slugSchema,
  defaultLocale: z.enum(locale.enumValues).default("fr"),
});
export type CreateOrganizationInput = z.infer<typeof createOrganizationSchema>;

export function slugify(name: string) {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48);
}

// The zones this server's ICU knows, so a saved zone always formats.
export const TIME_ZONES: readonly string[] = Intl.supportedValuesOf("timeZone");
const timeZoneSet = new Set(TIME_ZONES);

export const brandColorSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^#[0-9a-f]{6}$/, "brand_color_format");

export const updateOrganizationSettingsSchema = z.object({
  name: z.string().trim().min(2).max(120),
  slug: slugSchema,
  defaultLocale: z.enum(locale.enumValues),
  brandColor: brandColorSchema,
  timeZone: z.string().refine((tz) => timeZoneSet.has(tz), "time_zone_unknown"),
});
export type UpdateOrganizationSettingsInput = z.infer<typeof updateOrganizationSettingsSchema>;

export const LOGO_MAX_BYTES = 1024 * 1024;
export const LOGO_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"] as const;

