import { db } from "@/db/client";
import { inviteLinkGroups, inviteLinks } from "@/db/schema";
import { newInviteCode } from "@/lib/invitations/invite-links";

export async function createInviteLink(org: { id: string }, overrides: Partial<typeof inviteLinks.$inferInsert> & { groupIds?: string[] } = {}) {
  const { groupIds = [], ...values } = overrides;
  const [link] = await db
    .insert(inviteLinks)
    .values({ organizationId: org.id, code: newInviteCode(), role: "advocate", ...values })
    .returning();
  if (groupIds.length) await db.insert(inviteLinkGroups).values(groupIds.map((groupId) => ({ organizationId: org.id, inviteLinkId: link.id, groupId })));
  return link;
}
