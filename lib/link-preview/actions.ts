"use server";
import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/action";
import { fieldError } from "@/lib/errors";
import { SafeFetchError } from "@/lib/net/safe-fetch";
import { buildLinkPreview } from "./build-link-preview";
import { setAllowPrivateLinkPreviews } from "./queries";
import { fetchLinkPreviewSchema, setAllowPrivateLinkPreviewsSchema } from "./schemas";

// { org, url } → LinkPreview. Refusals come back as fieldErrors.url = ["link_preview_<reason>"]
// (blocked_address, timeout, too_many_redirects, http_error, …), translated under integrations.link_preview.errors.
export const fetchLinkPreviewAction = orgAction(fetchLinkPreviewSchema, "posts.write", async (tenant, { url }) => {
  try {
    return await buildLinkPreview(tenant, url);
  } catch (error) {
    if (error instanceof SafeFetchError) fieldError("url", `link_preview_${error.code}`);
    throw error;
  }
});

export const setAllowPrivateLinkPreviewsAction = orgAction(setAllowPrivateLinkPreviewsSchema, "org.settings", async (tenant, { allow }) => {
  const result = await setAllowPrivateLinkPreviews(tenant, allow);
  revalidatePath(`/${tenant.orgSlug}/settings/integrations`);
  return result;
});
