import { z } from "zod";

const groupName = z.string().trim().min(1).max(80);
const id = z.string().min(1).max(64);

export const createGroupSchema = z.object({ name: groupName });
export type CreateGroupInput = z.infer<typeof createGroupSchema>;

export const renameGroupSchema = z.object({ groupId: id, name: groupName });
export type RenameGroupInput = z.infer<typeof renameGroupSchema>;

export const groupTargetSchema = z.object({ groupId: id });

export const groupMemberSchema = z.object({ groupId: id, membershipId: id });
export type GroupMemberInput = z.infer<typeof groupMemberSchema>;
