"use server";
import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/action";
import { LIMITS } from "@/lib/rate-limit/limits";
import { consumeLimits, tryConsume } from "@/lib/rate-limit/rate-limit";
import { requestClientAddress } from "@/lib/rate-limit/request-address";
import { createInvitations } from "./email-invitations";
import { inviteStaffSchema } from "./email-invitation-schemas";
import { cancelInvitation, getPendingInvitationOrThrow, invitationTargetSchema, resendInvitation } from "./manage-invitations";

export const inviteStaffAction = orgAction(inviteStaffSchema, "invites.write", async (tenant, input) => {
  const count = input.emails.length;
  await consumeLimits({ limit: LIMITS.invitationPerOrganization, key: tenant.orgId, points: count }, { limit: LIMITS.invitationPerAddress, key: await requestClientAddress(), points: count });
  // An address that had its share of invitations today (from any organisation) gets no
  // more: Relais is not a way to flood someone's inbox. It counts as skipped.
  const allowed: string[] = [];
  for (const email of input.emails) if (await tryConsume(LIMITS.invitationPerRecipient, email)) allowed.push(email);
  const { ids, skipped } = allowed.length > 0 ? await createInvitations(tenant, { ...input, emails: allowed }) : { ids: [], skipped: 0 };
  revalidatePath(`/${tenant.orgSlug}/invites`);
  return { invited: ids.length, skipped: skipped + count - allowed.length };
});

export const cancelInvitationAction = orgAction(invitationTargetSchema, "invitations.manage", async (tenant, input) => {
  const result = await cancelInvitation(tenant, input);
  revalidatePath(`/${tenant.orgSlug}/invites`);
  return result;
});

// Resending is counted per address (a few a day), on top of what any invitation to it counts.
export const resendInvitationAction = orgAction(invitationTargetSchema, "invitations.manage", async (tenant, input) => {
  const pending = await getPendingInvitationOrThrow(tenant, input.id);
  await consumeLimits({ limit: LIMITS.invitationResend, key: `${tenant.orgId}:${pending.email}` }, { limit: LIMITS.invitationPerRecipient, key: pending.email });
  const result = await resendInvitation(tenant, input);
  revalidatePath(`/${tenant.orgSlug}/invites`);
  return result;
});
