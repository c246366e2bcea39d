"use server";
import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/action";
import { enqueueInvitationEmails } from "@/workers/jobs/send-invitation-email";
import { createInvitations } from "./email-invitations";
import { inviteStaffSchema } from "./email-invitation-schemas";

export const inviteStaffAction = orgAction(inviteStaffSchema, "invites.write", async (tenant, input) => {
  const { ids, skipped } = await createInvitations(tenant, input);
  // After the commit: a job must never look for an invitation that is not there yet.
  await enqueueInvitationEmails(tenant.orgId, ids);
  revalidatePath(`/${tenant.orgSlug}/invites`);
  return { invited: ids.length, skipped };
});
