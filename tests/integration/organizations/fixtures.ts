import { db } from "@/db/client";
import { organizationLogos } from "@/db/schema";

// A real 1×1 PNG, and the same bytes under names and types that lie about them.
export const PNG_1PX = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

export function logoForm(org: string, file: File) {
  const form = new FormData();
  form.set("org", org);
  form.set("logo", file);
  return form;
}

export const pngFile = (name = "logo.png") => new File([PNG_1PX], name, { type: "image/png" });

export async function storeLogo(org: { id: string }) {
  await db.insert(organizationLogos).values({ organizationId: org.id, content: PNG_1PX, contentType: "image/png", byteSize: PNG_1PX.byteLength });
}
