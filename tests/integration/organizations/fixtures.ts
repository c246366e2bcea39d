import { db } from "@/db/client";
import { organizationLogos } from "@/db/schema";

// A real 1×1 PNG, and the same bytes under names and types that lie about them.
export const PNG_1PX = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

// POST /api/orgs/:org/logo as the browser sends it: the image itself, typed.
export async function postLogo(org: string, file: File | null) {
  const { NextRequest } = await import("next/server");
  const { POST } = await import("@/app/api/orgs/[org]/logo/route");
  const headers: Record<string, string> = file?.type ? { "content-type": file.type } : {};
  return POST(new NextRequest(`http://localhost:3000/api/orgs/${org}/logo`, { method: "POST", body: file, headers }), { params: Promise.resolve({ org }) });
}

export const pngFile = (name = "logo.png") => new File([PNG_1PX], name, { type: "image/png" });

export async function storeLogo(org: { id: string }) {
  await db.insert(organizationLogos).values({ organizationId: org.id, content: PNG_1PX, contentType: "image/png", byteSize: PNG_1PX.byteLength });
}
