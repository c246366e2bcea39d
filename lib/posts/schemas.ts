import { z } from "zod";
import { postKind } from "@/db/schema/posts";
import { locale } from "@/db/schema/enums";
import { hashtagsSchema } from "@/lib/campaigns/schemas";
import { linkPreviewSchema } from "@/lib/link-preview/schemas";
import { CAPTION_NETWORKS, EMAIL_LIMITS, measureCaption, measureText } from "./caption-limits";
import { PERSON_TRANSITIONS } from "./lifecycle";

const optionalId = z
  .string()
  .trim()
  .optional()
  .nullable()
  .transform((v) => v || null);

const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .optional()
    .nullable()
    .transform((v) => (v?.trim() ? v : null));

// Over-long captions get a precise refusal below; this only stops absurd payloads.
const captionsSchema = z
  .partialRecord(z.enum(CAPTION_NETWORKS), z.string().max(100_000))
  .default({})
  .transform((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v?.trim())) as Partial<Record<(typeof CAPTION_NETWORKS)[number], string>>);

const variantSchema = z.object({
  title: z.string().trim().max(200).default(""),
  body: z.string().max(20_000).default(""),
  captions: captionsSchema,
  emailSubject: optionalText(1000),
  emailBody: optionalText(100_000),
});
export type VariantInput = z.output<typeof variantSchema>;

const isBlank = (v: VariantInput) => !v.title && !v.body.trim() && !Object.keys(v.captions).length && !v.emailSubject && !v.emailBody;

// Datetime-local values, read in the organisation's time zone by the server.
const localDateTime = z
  .string()
  .trim()
  .max(40)
  .optional()
  .nullable()
  .transform((v) => v || null);

const testimonialSchema = z.object({
  firstName: z.string().trim().min(1).max(60),
  jobTitle: z.string().trim().min(1).max(120),
  quote: z.string().trim().min(1).max(400),
  photoMediaId: optionalId.transform((v) => v ?? undefined),
});

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

export const savePostSchema = z
  .object({
    id: optionalId,
    kind: z.enum(postKind.enumValues).default("text"),
    campaignId: optionalId,
    keyMomentId: optionalId,
    linkUrl: z
      .string()
      .trim()
      .max(2048)
      .optional()
      .nullable()
      .transform((v) => v || null)
      .refine((v) => v === null || /^https?:\/\/[^\s]+$/i.test(v), "invalid_url"),
    linkPreview: linkPreviewSchema.optional().nullable().catch(null),
    mediaId: optionalId,
    testimonial: testimonialSchema.optional().nullable(),
    hashtags: hashtagsSchema,
    advocatesCanSee: checkbox.default(true),
    pinned: checkbox.default(false),
    publishAt: localDateTime,
    expiresAt: localDateTime,
    groupIds: z.array(z.string().min(1)).max(200).default([]),
    variants: z.partialRecord(z.enum(locale.enumValues), variantSchema).default({}),
  })
  .transform((p) => ({
    ...p,
    // An untouched language tab is no variant at all.
    variants: Object.fromEntries(Object.entries(p.variants).filter(([, v]) => v && !isBlank(v))) as Partial<Record<(typeof locale.enumValues)[number], VariantInput>>,
  }))
  .superRefine((p, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    const entries = Object.entries(p.variants);
    if (!entries.length) issue("variants", "variant_required");
    for (const [lang, v] of entries) {
      if (!v) continue;
      if (!v.title) issue(`variants.${lang}.title`, "title_required");
      for (const network of CAPTION_NETWORKS) {
        const text = v.captions[network];
        if (text && measureCaption(network, text).over) issue(`variants.${lang}.captions.${network}`, "caption_too_long");
      }
      if (v.emailSubject && measureText(v.emailSubject, EMAIL_LIMITS.subject).over) issue(`variants.${lang}.emailSubject`, "caption_too_long");
      if (v.emailBody && measureText(v.emailBody, EMAIL_LIMITS.body).over) issue(`variants.${lang}.emailBody`, "caption_too_long");
    }
    if (p.kind === "link" && !p.linkUrl) issue("linkUrl", "link_required");
    if ((p.kind === "image" || p.kind === "video") && !p.mediaId) issue("mediaId", "media_required");
    if (p.kind === "testimonial" && !p.testimonial) issue("testimonial", "testimonial_required");
  });
export type SavePostInput = z.output<typeof savePostSchema>;

export const postIdSchema = z.object({ id: z.string().min(1) });

export const transitionPostSchema = z.object({
  id: z.string().min(1),
  transition: z.enum(PERSON_TRANSITIONS),
  note: z.string().trim().max(1000).optional().transform((v) => v || null),
});

export const reschedulePostSchema = z.object({
  id: z.string().min(1),
  publishAt: localDateTime,
  expiresAt: localDateTime,
});

export const setPostPinnedSchema = z.object({ id: z.string().min(1), pinned: checkbox });
