"use server";
import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/action";
import type { Tenant } from "@/lib/tenancy";
import { createInviteLink, revokeInviteLink } from "./invite-links";
import { createInviteLinkSchema, inviteLinkIdSchema } from "./invite-link-schemas";

const refresh = (tenant: Tenant) => revalidatePath(`/${tenant.orgSlug}/invites`);

export const createInviteLinkAction = orgAction(createInviteLinkSchema, "invites.write", async (tenant, input) => {
  const link = await createInviteLink(tenant, input);
  refresh(tenant);
  return { id: link.id, code: link.code };
});

export const revokeInviteLinkAction = orgAction(inviteLinkIdSchema, "invites.write", async (tenant, { id }) => {
  await revokeInviteLink(tenant, id);
  refresh(tenant);
  return { id };
});
