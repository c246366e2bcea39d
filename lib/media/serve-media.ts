import "server-only";
import parseRange from "range-parser";
import { getTenant } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getObject } from "@/lib/storage";
import { getMediaForServing } from "./queries";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

async function isMemberOf(orgSlug: string) {
  try {
    await getTenant(orgSlug, "org.read");
    return true;
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}

// The bytes behind /media/<id>. A medium never changes under its id, so the id is the ETag;
// who may see it can change (a post is unpublished), so public copies are cached briefly.
export async function serveMedia(id: string, request: Request): Promise<Response> {
  const found = await getMediaForServing(id);
  // Someone outside the organisation learns nothing, not even that the id exists.
  if (!found || (!found.isPublic && !(await isMemberOf(found.orgSlug)))) return notFound();
  const { media } = found;

  const headers = new Headers({
    "Content-Type": media.contentType,
    "Cache-Control": found.isPublic ? "public, max-age=3600, stale-while-revalidate=86400" : "private, max-age=3600",
    ETag: `"${media.id}"`,
    "Accept-Ranges": "bytes",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
  });
  if (!found.isPublic) headers.set("Vary", "Cookie");
  if (request.headers.get("if-none-match") === headers.get("ETag")) return new Response(null, { status: 304, headers });

  const rangeHeader = request.headers.get("range");
  const ranges = rangeHeader ? parseRange(media.sizeBytes, rangeHeader, { combine: true }) : undefined;
  if (ranges === -1) {
    headers.set("Content-Range", `bytes */${media.sizeBytes}`);
    return new Response(null, { status: 416, headers });
  }
  // Only a single range is answered as such (what video players ask for); anything else gets it all.
  const range = Array.isArray(ranges) && ranges.type === "bytes" && ranges.length === 1 ? ranges[0] : undefined;

  const object = await getObject(media.storageKey, range ? { range } : undefined);
  if (!object) return notFound();
  headers.set("Content-Length", String(object.size));
  if (!range) return new Response(object.stream(), { status: 200, headers });
  headers.set("Content-Range", `bytes ${range.start}-${range.end}/${media.sizeBytes}`);
  return new Response(object.stream(), { status: 206, headers });
}
