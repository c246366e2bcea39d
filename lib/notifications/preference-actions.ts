"use server";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { orgAction } from "@/lib/action";
import {
  addChatWebhook,
  chatWebhookRefSchema,
  chatWebhookSchema,
  preferencesSchema,
  pushSubscriptionSchema,
  pushUnsubscribeSchema,
  removeChatWebhook,
  removePushSubscription,
  savePreferences,
  savePushSubscription,
} from "./preferences";

export const savePreferencesAction = orgAction(preferencesSchema, "org.read", async (tenant, input) => {
  const result = await savePreferences(tenant, input);
  revalidatePath(`/${tenant.orgSlug}/preferences`);
  return result;
});

export const subscribePushAction = orgAction(pushSubscriptionSchema, "org.read", async (tenant, input) =>
  savePushSubscription(tenant, input, (await headers()).get("user-agent")?.slice(0, 300) ?? null),
);

export const unsubscribePushAction = orgAction(pushUnsubscribeSchema, "org.read", (tenant, { endpoint }) => removePushSubscription(tenant, endpoint));

export const addChatWebhookAction = orgAction(chatWebhookSchema, "org.settings", async (tenant, input) => {
  const result = await addChatWebhook(tenant, input);
  revalidatePath(`/${tenant.orgSlug}/settings/notifications`);
  return result;
});

export const removeChatWebhookAction = orgAction(chatWebhookRefSchema, "org.settings", async (tenant, { webhookId }) => {
  const result = await removeChatWebhook(tenant, webhookId);
  revalidatePath(`/${tenant.orgSlug}/settings/notifications`);
  return result;
});
