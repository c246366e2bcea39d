import { getJoinPageLogo } from "./join-pages";

// The logo as the image type detected at upload, never sniffed into anything else.
export async function joinLogoResponse(where: { code: string } | { token: string }) {
  const logo = await getJoinPageLogo(where);
  if (!logo) return new Response(null, { status: 404 });
  return new Response(new Uint8Array(logo.content), {
    headers: {
      "content-type": logo.contentType,
      "cache-control": "public, max-age=3600",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'",
    },
  });
}
