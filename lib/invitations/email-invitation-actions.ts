"use server";
import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/action";
import { createInvitations } from "./email-invitations";
import { inviteStaffSchema } from "./email-invitation-schemas";

export const inviteStaffAction = orgAction(inviteStaffSchema, "invites.write", async (tenant, input) => {
  const { ids, skipped } = await createInvitations(tenant, input);
  revalidatePath(`/${tenant.orgSlug}/invites`);
  return { invited: ids.length, skipped };
});
