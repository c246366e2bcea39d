"use server";
import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/action";
import { acceptSuggestion, createSuggestion, declineSuggestion } from "./queries";
import { createSuggestionSchema, suggestionIdSchema } from "./schemas";

export const createSuggestionAction = orgAction(createSuggestionSchema, "posts.suggest", async (tenant, input) => {
  const suggestion = await createSuggestion(tenant, input);
  revalidatePath(`/${tenant.orgSlug}/suggestions`);
  return { id: suggestion.id };
});

export const acceptSuggestionAction = orgAction(suggestionIdSchema, "posts.write", async (tenant, { id }) => {
  const result = await acceptSuggestion(tenant, id);
  revalidatePath(`/${tenant.orgSlug}/suggestions`);
  return result;
});

export const declineSuggestionAction = orgAction(suggestionIdSchema, "posts.write", async (tenant, { id }) => {
  const result = await declineSuggestion(tenant, id);
  revalidatePath(`/${tenant.orgSlug}/suggestions`);
  return result;
});
