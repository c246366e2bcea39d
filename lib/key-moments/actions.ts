"use server";
import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/action";
import { createKeyMoment, deleteKeyMoment, updateKeyMoment } from "./queries";
import { createKeyMomentSchema, keyMomentIdSchema, updateKeyMomentSchema } from "./schemas";

export const createKeyMomentAction = orgAction(createKeyMomentSchema, "campaigns.write", async (tenant, { campaignId, ...input }) => {
  const moment = await createKeyMoment(tenant, campaignId, input);
  revalidatePath(`/${tenant.orgSlug}/campaigns/${campaignId}`);
  return { id: moment.id };
});

export const updateKeyMomentAction = orgAction(updateKeyMomentSchema, "campaigns.write", async (tenant, { id, ...input }) => {
  const moment = await updateKeyMoment(tenant, id, input);
  revalidatePath(`/${tenant.orgSlug}/campaigns/${moment.campaignId}`);
  return { id: moment.id, campaignId: moment.campaignId };
});

export const deleteKeyMomentAction = orgAction(keyMomentIdSchema, "campaigns.write", async (tenant, { id }) => {
  const { campaignId } = await deleteKeyMoment(tenant, id);
  revalidatePath(`/${tenant.orgSlug}/campaigns/${campaignId}`);
  return { campaignId };
});
