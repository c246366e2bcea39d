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

// The type is read from the bytes; what the browser claims must agree with it.
export async function uploadMedia(tenant: Tenant, file: File) {
  const limits = mediaLimits();
  const claimed = ALIASES[file.type] ?? file.type;
  if (claimed && !isAllowed(claimed)) fieldError("file", "media_type_unsupported");
  if (file.size > Math.max(limits.image, limits.video)) fieldError("file", "media_too_large");

  const bytes = new Uint8Array(await file.arrayBuffer());
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
