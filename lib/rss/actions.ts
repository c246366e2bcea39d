"use server";
import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/action";
import type { Tenant } from "@/lib/tenancy";
import { importRssFeedJob } from "@/lib/rss/jobs";
import { createRssFeed, deleteRssFeed, getRssFeedOrThrow, setRssFeedEnabled } from "./queries";
import { addRssFeedSchema, rssFeedIdSchema, setRssFeedEnabledSchema } from "./schemas";

// Leads manage the blog feeds their drafts come from (campaigns.write); the page sits under
// settings but is theirs as much as the admins'.
const PERMISSION = "campaigns.write";

const refresh = (tenant: Tenant) => revalidatePath(`/${tenant.orgSlug}/settings/integrations`);

export const addRssFeedAction = orgAction(addRssFeedSchema, PERMISSION, async (tenant, input) => {
  const feed = await createRssFeed(tenant, input);
  await importRssFeedJob.enqueue({ orgId: tenant.orgId, feedId: feed.id });
  refresh(tenant);
  return { id: feed.id };
});

export const removeRssFeedAction = orgAction(rssFeedIdSchema, PERMISSION, async (tenant, { feedId }) => {
  await deleteRssFeed(tenant, feedId);
  refresh(tenant);
  return { id: feedId };
});

export const setRssFeedEnabledAction = orgAction(setRssFeedEnabledSchema, PERMISSION, async (tenant, { feedId, enabled }) => {
  await setRssFeedEnabled(tenant, feedId, enabled);
  refresh(tenant);
  return { id: feedId, enabled };
});

export const importRssFeedNowAction = orgAction(rssFeedIdSchema, PERMISSION, async (tenant, { feedId }) => {
  const feed = await getRssFeedOrThrow(tenant, feedId);
  await importRssFeedJob.enqueue({ orgId: tenant.orgId, feedId: feed.id });
  return { id: feed.id };
});
