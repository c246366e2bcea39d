import { z } from "zod";
import { membershipStatus, role } from "@/db/schema/enums";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional()).catch(undefined);

// Keyset position in the list (newest first): the exact joined_at, kept as text with its
// microseconds (a JS Date would round them off and skip or repeat rows), and the id.
const cursorSchema = z.tuple([z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/), z.string().min(1).max(64)]);
export type MemberCursor = { joinedAt: string; id: string };

export function encodeCursor(cursor: MemberCursor) {
  return Buffer.from(JSON.stringify([cursor.joinedAt, cursor.id])).toString("base64url");
}

export function decodeCursor(raw: string | undefined): MemberCursor | undefined {
  if (!raw) return undefined;
  try {
    const [joinedAt, id] = cursorSchema.parse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return { joinedAt, id };
  } catch {
    return undefined;
  }
}

// The list's query string: anything malformed is ignored rather than an error page.
export const memberListSchema = z.object({
  q: optional(z.string().trim().max(100)),
  role: optional(z.enum(role.enumValues)),
  status: optional(z.enum(membershipStatus.enumValues)),
  group: optional(z.string().max(64)),
  cursor: optional(z.string().max(300)),
});
export type MemberListInput = z.infer<typeof memberListSchema>;

export type MemberFilters = Pick<MemberListInput, "q" | "role" | "status"> & { groupId?: string; cursor?: MemberCursor };

const membershipId = z.string().min(1).max(64);

export const memberTargetSchema = z.object({ membershipId });

export const changeMemberRoleSchema = z.object({ membershipId, role: z.enum(role.enumValues) });
export type ChangeMemberRoleInput = z.infer<typeof changeMemberRoleSchema>;

export const updateMemberGroupsSchema = z.object({ membershipId, groupIds: z.array(z.string().min(1).max(64)).max(200).default([]) });
export type UpdateMemberGroupsInput = z.infer<typeof updateMemberGroupsSchema>;
