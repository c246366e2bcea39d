import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { env } from "@/lib/env";
import { fieldError } from "@/lib/errors";
import { deleteObject, putObject } from "@/lib/storage";
import type { Tenant } from "@/lib/tenancy";
import { createMedia, newMediaId } from "./queries";
import { ALLOWED_MEDIA, type AllowedMediaType } from "./schemas";
import { mediaUrl } from "./urls";

function mediaLimits() {
  const e = env();
  return { image: e.MEDIA_MAX_IMAGE_BYTES, video: e.MEDIA_MAX_VIDEO_BYTES };
}

const ALIASES: Record<string, string> = { "image/jpg": "image/jpeg", "image/pjpeg": "image/jpeg" };

const isAllowed = (mime: string): mime is AllowedMediaType => mime in ALLOWED_MEDIA;

async function imageSize(bytes: Uint8Array) {
  try {
    const meta = await sharp(bytes, { animated: true }).metadata();
    return { width: meta.width ?? null, height: meta.pageHeight ?? meta.height ?? null };
  } catch {
    return fieldError("file", "media_corrupt");
  }
}

// The most an upload may carry: the route stops reading the body there (413).
export function mediaMaxBytes() {
  const limits = mediaLimits();
  return Math.max(limits.image, limits.video);
}

// The type is read from the bytes; what the browser claims (the request's Content-Type) must
// agree with it.
export async function uploadMedia(tenant: Tenant, upload: { bytes: Uint8Array; claimedType: string }) {
  const limits = mediaLimits();
  const { bytes } = upload;
  const claimed = ALIASES[upload.claimedType] ?? upload.claimedType;
  if (claimed && !isAllowed(claimed)) fieldError("file", "media_type_unsupported");
  if (bytes.byteLength === 0) fieldError("file", "media_file_required");
  if (bytes.byteLength > mediaMaxBytes()) fieldError("file", "media_too_large");

  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !isAllowed(detected.mime)) return fieldError("file", claimed ? "media_type_mismatch" : "media_type_unsupported");
  if (claimed && claimed !== detected.mime) fieldError("file", "media_type_mismatch");
  const kind = ALLOWED_MEDIA[detected.mime];
  if (bytes.byteLength > limits[kind]) fieldError("file", "media_too_large");

  const { width, height } = kind === "image" ? await imageSize(bytes) : { width: null, height: null };
  const id = newMediaId();
  const storageKey = `orgs/${tenant.orgId}/media/${id}.${detected.ext}`;
  await putObject(storageKey, bytes, detected.mime);
  try {
    await createMedia(tenant, { id, kind, contentType: detected.mime, sizeBytes: bytes.byteLength, storageKey, width, height });
  } catch (error) {
    await deleteObject(storageKey).catch(() => {});
    throw error;
  }
  return { id, kind, url: mediaUrl(id), contentType: detected.mime, width, height };
}
