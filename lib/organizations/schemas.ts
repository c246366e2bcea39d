import { z } from "zod";
import { locale } from "@/db/schema/enums";

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2)
  .max(48)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slug_format")
  .refine((s) => !RESERVED_SLUGS.has(s), "slug_reserved");

export const RESERVED_SLUGS = new Set(["api", "sign-in", "join", "onboarding", "l", "p", "account", "admin", "new", "settings", "_next", "media"]);

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
