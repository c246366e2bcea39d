"use server";
import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/action";
import { createCampaign, updateCampaign } from "./queries";
import { campaignSchema, updateCampaignSchema } from "./schemas";

export const createCampaignAction = orgAction(campaignSchema, "campaigns.write", async (tenant, input) => {
  const campaign = await createCampaign(tenant, input);
  revalidatePath(`/${tenant.orgSlug}/campaigns`);
  return { id: campaign.id };
});

export const updateCampaignAction = orgAction(updateCampaignSchema, "campaigns.write", async (tenant, { id, ...input }) => {
  const campaign = await updateCampaign(tenant, id, input);
  revalidatePath(`/${tenant.orgSlug}/campaigns`);
  return { id: campaign.id };
});
