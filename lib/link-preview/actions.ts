"use server";
import { orgAction } from "@/lib/action";
import { fieldError } from "@/lib/errors";
import { SafeFetchError } from "@/lib/net/safe-fetch";
import { buildLinkPreview } from "./build-link-preview";
import { fetchLinkPreviewSchema } from "./schemas";

// { org, url } → LinkPreview. Refusals come back as fieldErrors.url = ["link_preview_<reason>"]
// (blocked_address, timeout, too_many_redirects, http_error, …), translated under integrations.link_preview.errors.
// What the server may reach is the operator's setting (PRIVATE_FETCH_ALLOW_LIST), never the
// workspace's: anyone can create a workspace.
export const fetchLinkPreviewAction = orgAction(fetchLinkPreviewSchema, "posts.write", async (tenant, { url }) => {
  try {
    return await buildLinkPreview(tenant, url);
  } catch (error) {
    if (error instanceof SafeFetchError) fieldError("url", `link_preview_${error.code}`);
    throw error;
  }
});
