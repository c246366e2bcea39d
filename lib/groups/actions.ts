"use server";
import { redirect } from "next/navigation";
import { orgAction } from "@/lib/action";
import { refreshingWorkspace } from "@/lib/organizations/refresh";
import { addGroupMember, createGroup, deleteGroup, removeGroupMember, renameGroup } from "./queries";
import { createGroupSchema, groupMemberSchema, groupTargetSchema, renameGroupSchema } from "./schemas";

export const createGroupAction = orgAction(createGroupSchema, "groups.write", refreshingWorkspace(createGroup));
export const renameGroupAction = orgAction(renameGroupSchema, "groups.write", refreshingWorkspace(renameGroup));
export const addGroupMemberAction = orgAction(groupMemberSchema, "groups.write", refreshingWorkspace(addGroupMember));
export const removeGroupMemberAction = orgAction(groupMemberSchema, "groups.write", refreshingWorkspace(removeGroupMember));

const remove = orgAction(groupTargetSchema, "groups.write", async (tenant, input) => {
  await deleteGroup(tenant, input);
  return { orgSlug: tenant.orgSlug };
});

// The group's page is gone afterwards: back to the list.
export async function deleteGroupAction(previous: unknown, input?: unknown) {
  const result = await remove(previous, input);
  if (result.ok) redirect(`/${result.data.orgSlug}/groups`);
  return result;
}
