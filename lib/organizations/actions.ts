"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { orgAction, userAction } from "@/lib/action";
import { refreshingWorkspace } from "./refresh";
import { createOrganizationWithOwner, deleteOrganizationLogo, updateOrganizationSettings } from "./queries";
import { createOrganizationSchema, updateOrganizationSettingsSchema } from "./schemas";

const create = userAction(createOrganizationSchema, (user, input) => createOrganizationWithOwner(user.id, input));

export async function createOrganizationAction(previous: unknown, form: FormData) {
  const result = await create(previous, form);
  if (result.ok) redirect(`/${result.data.slug}`);
  return result;
}

const updateSettings = orgAction(updateOrganizationSettingsSchema, "org.settings", async (tenant, input) => {
  const org = await updateOrganizationSettings(tenant, input);
  revalidatePath(`/${org.slug}`, "layout");
  return { slug: org.slug, previousSlug: tenant.orgSlug };
});

// Every URL of a workspace carries its slug: after a rename, continue at the new address.
export async function updateOrganizationSettingsAction(previous: unknown, form: FormData) {
  const result = await updateSettings(previous, form);
  if (result.ok && result.data.slug !== result.data.previousSlug) redirect(`/${result.data.slug}/settings`);
  return result;
}

// Uploading a logo is POST /api/orgs/:org/logo: server action bodies stay small.
export const removeOrganizationLogoAction = orgAction(z.object({}), "org.settings", refreshingWorkspace(deleteOrganizationLogo));
