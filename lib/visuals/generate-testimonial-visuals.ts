import { createHash } from "node:crypto";
import { deleteObject, getObject, putObject } from "@/lib/storage";
import { getTestimonialSource, saveTestimonialVisuals } from "./queries";
import { RENDER_VERSION, renderTestimonialVisuals, VISUAL_SIZES } from "./render-testimonial";

export type GenerateVisualsResult = { status: "not_a_testimonial" | "unchanged" | "generated" };

// Idempotent: the storage keys carry a hash of everything drawn on the card, so a run whose
// post already points at visuals with that hash does nothing, and a changed testimonial (or
// brand colour, or name) gets new visuals and drops the old ones.
export async function generateTestimonialVisuals(orgId: string, postId: string): Promise<GenerateVisualsResult> {
  const source = await getTestimonialSource(orgId, postId);
  const testimonial = source?.post.testimonial;
  if (!source || source.post.kind !== "testimonial" || !testimonial) return { status: "not_a_testimonial" };

  const drawn = {
    v: RENDER_VERSION,
    firstName: testimonial.firstName,
    jobTitle: testimonial.jobTitle,
    quote: testimonial.quote,
    // A medium's bytes never change under its key.
    photo: source.photoKey,
    ...source.org,
  };
  const hash = createHash("sha256").update(JSON.stringify(drawn)).digest("hex").slice(0, 16);
  const keyOf = (format: keyof typeof VISUAL_SIZES) => {
    const { width, height } = VISUAL_SIZES[format];
    return `orgs/${orgId}/visuals/${postId}-${hash}-${width}x${height}.png`;
  };
  if (source.landscapeKey === keyOf("landscape") && source.squareKey === keyOf("square")) return { status: "unchanged" };

  const photo = source.photoKey ? await (await getObject(source.photoKey))?.bytes() : null;
  const pngs = await renderTestimonialVisuals({ testimonial, orgName: source.org.name, brandColor: source.org.brandColor, locale: source.org.locale, photo });
  const stored = Object.fromEntries(
    await Promise.all(
      (["landscape", "square"] as const).map(async (format) => {
        const storageKey = keyOf(format);
        await putObject(storageKey, pngs[format], "image/png");
        return [format, { storageKey, sizeBytes: pngs[format].byteLength, ...VISUAL_SIZES[format] }] as const;
      }),
    ),
  ) as Parameters<typeof saveTestimonialVisuals>[2];
  const replaced = await saveTestimonialVisuals(orgId, postId, stored);
  await Promise.all(replaced.map((key) => deleteObject(key)));
  return { status: "generated" };
}
