"use server";
import { redirect } from "next/navigation";
import { orgAction } from "@/lib/action";
import { refreshingWorkspace } from "@/lib/organizations/refresh";
import { changeMemberRole, deactivateMember, reactivateMember, removeMember, updateMemberGroups } from "./queries";
import { changeMemberRoleSchema, memberTargetSchema, updateMemberGroupsSchema } from "./schemas";

export const changeMemberRoleAction = orgAction(changeMemberRoleSchema, "members.write", refreshingWorkspace(changeMemberRole));
export const updateMemberGroupsAction = orgAction(updateMemberGroupsSchema, "members.write", refreshingWorkspace(updateMemberGroups));
export const deactivateMemberAction = orgAction(memberTargetSchema, "members.write", refreshingWorkspace(deactivateMember));
export const reactivateMemberAction = orgAction(memberTargetSchema, "members.write", refreshingWorkspace(reactivateMember));

const remove = orgAction(memberTargetSchema, "members.write", async (tenant, input) => {
  await removeMember(tenant, input);
  // Someone who removed themselves has no workspace to go back to.
  return { next: input.membershipId === tenant.membershipId ? "/" : `/${tenant.orgSlug}/members` };
});

// The member's page no longer exists afterwards: back to the list.
export async function removeMemberAction(previous: unknown, input?: unknown) {
  const result = await remove(previous, input);
  if (result.ok) redirect(result.data.next);
  return result;
}
