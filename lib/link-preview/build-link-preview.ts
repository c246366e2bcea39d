import { createHash } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import type { LinkPreview } from "@/db/schema/posts";
import { createMedia, findMediaByStorageKey, newMediaId } from "@/lib/media/queries";
import { safeFetch } from "@/lib/net/safe-fetch";
import { putObject } from "@/lib/storage";
import type { Tenant } from "@/lib/tenancy";
import { fetchLinkPreview } from "./fetch-link-preview";

const IMAGE_TYPES = new Set(["image/jpeg", "image/png", "image/gif", "image/webp", "image/avif"]);
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

// The preview's image, fetched once by the server through the SSRF-safe fetcher and kept in
// Relais's own storage as a medium of the organisation: members' browsers never ask the
// third-party site (which would learn their address). The same image is stored once per
// organisation (keyed by its hash). Null when it cannot be had: the card shows no image.
async function storePreviewImage(tenant: Tenant, imageUrl: string) {
  try {
    const response = await safeFetch(imageUrl, { timeoutMs: 5_000, maxBytes: MAX_IMAGE_BYTES, overflow: "error", headers: { accept: "image/*" } });
    if (response.status !== 200) return null;
    const bytes = new Uint8Array(response.body);
    const detected = await fileTypeFromBuffer(bytes);
    if (!detected || !IMAGE_TYPES.has(detected.mime)) return null;
    const storageKey = `orgs/${tenant.orgId}/previews/${createHash("sha256").update(bytes).digest("hex")}.${detected.ext}`;
    const existing = await findMediaByStorageKey(tenant, storageKey);
    if (existing) return existing.id;
    await putObject(storageKey, bytes, detected.mime);
    const media = await createMedia(tenant, { id: newMediaId(), kind: "image", contentType: detected.mime, sizeBytes: bytes.byteLength, storageKey });
    return media.id;
  } catch {
    return null;
  }
}

// A link's preview as posts store it: title, description and site from the page, and its
// image as one of our own media (imageMediaId); imageUrl only records where it came from.
export async function buildLinkPreview(tenant: Tenant, url: string): Promise<LinkPreview> {
  // What the server may reach is the operator's PRIVATE_FETCH_ALLOW_LIST, for the page and its image alike.
  const preview = await fetchLinkPreview(url);
  const imageMediaId = preview.imageUrl ? await storePreviewImage(tenant, preview.imageUrl) : null;
  return imageMediaId ? { ...preview, imageMediaId } : preview;
}
