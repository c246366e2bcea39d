import { z } from "zod";
import { locale } from "@/db/schema/enums";
import { checkbox } from "@/lib/form-data";

export const addRssFeedSchema = z.object({
  url: z
    .string()
    .trim()
    .max(2048)
    .url("rss_url_invalid")
    .refine((u) => /^https?:\/\//i.test(u), "rss_url_invalid"),
  locale: z.enum(locale.enumValues).default("fr"),
  campaignId: z
    .string()
    .optional()
    .transform((v) => v || undefined),
});
export type AddRssFeedInput = z.infer<typeof addRssFeedSchema>;

export const rssFeedIdSchema = z.object({ feedId: z.string().min(1) });

export const setRssFeedEnabledSchema = rssFeedIdSchema.extend({ enabled: checkbox });
