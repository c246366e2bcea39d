"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { orgAction, userAction } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { cancelAccountDeletion, leaveOrganization, requestAccountDeletion } from "./delete-account";
import { requestPersonalDataExport } from "./export-personal-data";
import { producePersonalExportJob } from "./jobs";
import { deleteWorkspaceSchema, emptySchema, leaveOrganizationSchema, requestAccountDeletionSchema, updatePrivacySettingsSchema } from "./schemas";
import { updatePrivacySettings } from "./settings";
import { requestWorkspaceDeletion, requestWorkspaceExport } from "./workspace";

export const requestPersonalDataExportAction = userAction(emptySchema, async (user) => {
  const row = await requestPersonalDataExport(user.id);
  // A lost job is harmless: the account page offers to ask again.
  await producePersonalExportJob.enqueue({ exportId: row.id }, { jobId: `personal-export-${row.id}` });
  revalidatePath("/account");
  return { id: row.id };
});

// The person types their own email address to confirm.
export const requestAccountDeletionAction = userAction(requestAccountDeletionSchema, async (user, { confirm }) => {
  if (confirm.toLowerCase() !== user.email.toLowerCase()) throw new AppError("bad_request", "Type your email address to confirm");
  const deletion = await requestAccountDeletion(user.id);
  revalidatePath("/account");
  return { eraseAfter: deletion.eraseAfter.toISOString() };
});

export const cancelAccountDeletionAction = userAction(emptySchema, async (user) => {
  const result = await cancelAccountDeletion(user.id);
  revalidatePath("/account");
  return result;
});

const leave = orgAction(leaveOrganizationSchema, "org.read", (tenant, { choice }) => leaveOrganization(tenant.userId!, tenant.orgId, choice));

export async function leaveOrganizationAction(previous: unknown, input?: unknown) {
  const result = await leave(previous, input);
  if (result.ok) redirect("/");
  return result;
}

export const updatePrivacySettingsAction = orgAction(updatePrivacySettingsSchema, "org.settings", async (tenant, input) => {
  const settings = await updatePrivacySettings(tenant, input);
  revalidatePath(`/${tenant.orgSlug}/settings/privacy`);
  return settings;
});

export const requestWorkspaceExportAction = orgAction(emptySchema, "org.settings", async (tenant) => {
  const row = await requestWorkspaceExport(tenant);
  revalidatePath(`/${tenant.orgSlug}/settings/privacy`);
  return { id: row.id };
});

export const deleteWorkspaceAction = orgAction(deleteWorkspaceSchema, "workspace.delete", async (tenant, { confirm }) => {
  const row = await requestWorkspaceDeletion(tenant, confirm);
  revalidatePath(`/${tenant.orgSlug}/settings/privacy`);
  return { id: row.id };
});
