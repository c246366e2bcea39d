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

export const uploadMediaSchema = z.object({
  file: z.instanceof(File, { message: "media_file_required" }).refine((f) => f.size > 0, "media_file_required"),
});
export type UploadMediaInput = z.infer<typeof uploadMediaSchema>;
