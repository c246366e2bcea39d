import { fileTypeFromBuffer } from "file-type";
import { z } from "zod";
import { LOGO_TYPES } from "./schemas";

// The type comes from the bytes, never from the browser's claim or the file name: a renamed
// HTML or SVG file is refused, so the logo route only ever serves a raster image.
const logoContentSchema = z.object({
  logo: z.instanceof(Uint8Array).transform(async (bytes, ctx) => {
    const type = await fileTypeFromBuffer(bytes);
    if (type && (LOGO_TYPES as readonly string[]).includes(type.mime)) return { content: Buffer.from(bytes), contentType: type.mime };
    ctx.addIssue({ code: "custom", message: "logo_type" });
    return z.NEVER;
  }),
});

export async function readLogo(bytes: Uint8Array) {
  const { logo } = await logoContentSchema.parseAsync({ logo: bytes });
  return logo;
}
