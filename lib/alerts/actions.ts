"use server";
import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/action";
import { completeAction, sendLetter, setDistrict } from "./complete-action";
import { cancelAlert, createAlert, updateAlert } from "./save-alert";
import { alertRefSchema, chooseDistrictSchema, completeActionSchema, createAlertSchema, sendLetterSchema, updateAlertSchema } from "./schemas";

export const createAlertAction = orgAction(createAlertSchema, "alerts.write", createAlert);

export const updateAlertAction = orgAction(updateAlertSchema, "alerts.write", updateAlert);

export const cancelAlertAction = orgAction(alertRefSchema, "alerts.write", async (tenant, { alertId }) => {
  const result = await cancelAlert(tenant, alertId);
  revalidatePath(`/${tenant.orgSlug}/alerts`);
  return result;
});

// One tap on a call to action: shared, called, clicked, RSVP, "I sent it".
export const completeAlertAction = orgAction(completeActionSchema, "feed.read", async (tenant, input) => {
  const result = await completeAction(tenant, input);
  revalidatePath(`/${tenant.orgSlug}`, "layout");
  return result;
});

export const sendLetterAction = orgAction(sendLetterSchema, "feed.read", async (tenant, input) => {
  const result = await sendLetter(tenant, input);
  revalidatePath(`/${tenant.orgSlug}`, "layout");
  return result;
});

export const setDistrictAction = orgAction(chooseDistrictSchema, "feed.read", async (tenant, { district }) => {
  const result = await setDistrict(tenant, district);
  revalidatePath(`/${tenant.orgSlug}/alerts`, "layout");
  return result;
});
