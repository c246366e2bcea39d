"use server";
import { orgAction } from "@/lib/action";
import { uploadMediaSchema } from "./schemas";
import { uploadMedia } from "./upload-media";

// FormData { org, file } → { id, kind, url }. Refusals come back as
// fieldErrors.file = ["media_type_mismatch" | "media_type_unsupported" | "media_too_large" | …],
// translated under media.errors.*.
export const uploadMediaAction = orgAction(uploadMediaSchema, "posts.write", (tenant, input) => uploadMedia(tenant, input.file));
