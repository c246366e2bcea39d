import { z } from "zod";

export const ALLOWED_MEDIA = {
  "image/png": "image",
  "image/jpeg": "image",
  "image/webp": "image",
  "image/gif": "image",
  "video/mp4": "video",
  "video/webm": "video",
} as const;
export type AllowedMediaType = keyof typeof ALLOWED_MEDIA;

// What the file input should offer; the server still checks the bytes.
export const MEDIA_ACCEPT = Object.keys(ALLOWED_MEDIA).join(",");

// The claimed type of an upload: the request's Content-Type, parameters dropped
// ("application/octet-stream" or none when the browser does not know).
export const claimedTypeSchema = z
  .string()
  .max(200)
  .transform((type) => type.split(";")[0].trim().toLowerCase())
  .transform((type) => (type === "application/octet-stream" ? "" : type));
