import { z } from "zod";

export const createSuggestionSchema = z
  .object({
    url: z
      .string()
      .trim()
      .max(2048)
      .optional()
      .transform((v) => v || null)
      .refine((v) => v === null || /^https?:\/\/[^\s]+$/i.test(v), "invalid_url"),
    note: z.string().trim().max(2000).default(""),
  })
  .refine((s) => s.url || s.note, { path: ["note"], message: "suggestion_empty" });

export const suggestionIdSchema = z.object({ id: z.string().min(1) });
