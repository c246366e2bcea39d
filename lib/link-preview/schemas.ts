import { z } from "zod";

const httpUrl = z
  .string()
  .trim()
  .max(2048)
  .url("link_preview_invalid_url")
  .refine((u) => /^https?:\/\//i.test(u), "link_preview_invalid_url");

const text = (max: number) =>
  z
    .string()
    .transform((s) => s.replace(/\s+/g, " ").trim().slice(0, max))
    .optional()
    .transform((s) => s || undefined);

// What is stored in posts.link_preview (the LinkPreview type of db/schema/posts.ts).
export const linkPreviewSchema = z.object({
  url: httpUrl,
  title: text(300),
  description: text(1000),
  imageUrl: httpUrl.optional().catch(undefined),
  imageMediaId: z.string().regex(/^med_[A-Za-z0-9_-]{1,40}$/).optional().catch(undefined),
  siteName: text(120),
  fetchedAt: z.string().datetime(),
});

export const fetchLinkPreviewSchema = z.object({ url: httpUrl });
