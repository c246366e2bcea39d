import { and, asc, eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { groups, inviteLinkGroups, inviteLinks, invitations, organizationLogos, organizations } from "@/db/schema";
import { getOrganizationLogo } from "@/lib/organizations/queries";
import { asSystem } from "@/lib/tenancy";
import { inviteLinkState } from "./invite-link-schemas";
import { hashInvitationToken } from "./invitation-tokens";

const orgColumns = {
  id: organizations.id,
  name: organizations.name,
  slug: organizations.slug,
  logoUrl: organizations.logoUrl,
  brandColor: organizations.brandColor,
  logoUpdatedAt: organizationLogos.updatedAt,
};

// What the public join page shows: the link, its organisation and the groups it grants.
export async function getJoinPageLink(code: string) {
  const [row] = await db
    .select({ link: inviteLinks, org: orgColumns })
    .from(inviteLinks)
    .innerJoin(organizations, eq(organizations.id, inviteLinks.organizationId))
    .leftJoin(organizationLogos, eq(organizationLogos.organizationId, organizations.id))
    .where(eq(inviteLinks.code, code));
  if (!row) return null;
  const groupRows = await db
    .select({ name: groups.name })
    .from(inviteLinkGroups)
    .innerJoin(groups, eq(groups.id, inviteLinkGroups.groupId))
    .where(eq(inviteLinkGroups.inviteLinkId, row.link.id))
    .orderBy(asc(groups.name));
  return { ...row, state: inviteLinkState(row.link), groups: groupRows.map((g) => g.name) };
}

export async function getJoinPageInvitation(token: string) {
  const [row] = await db
    .select({ invitation: invitations, org: orgColumns })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .leftJoin(organizationLogos, eq(organizationLogos.organizationId, organizations.id))
    .where(eq(invitations.tokenHash, hashInvitationToken(token)));
  if (!row) return null;
  const groupRows = row.invitation.groupIds.length
    ? await db
        .select({ name: groups.name })
        .from(groups)
        .where(and(eq(groups.organizationId, row.org.id), inArray(groups.id, row.invitation.groupIds)))
        .orderBy(asc(groups.name))
    : [];
  const state = row.invitation.acceptedAt ? "accepted" : row.invitation.expiresAt <= new Date() ? "expired" : "active";
  return { ...row, state, groups: groupRows.map((g) => g.name) } as const;
}

// The organisation's logo for its public join pages: holding the link or the invitation is
// enough to see whose it is.
export async function getJoinPageLogo(where: { code: string } | { token: string }) {
  const [row] =
    "code" in where
      ? await db.select({ orgId: inviteLinks.organizationId }).from(inviteLinks).where(eq(inviteLinks.code, where.code))
      : await db.select({ orgId: invitations.organizationId }).from(invitations).where(eq(invitations.tokenHash, hashInvitationToken(where.token)));
  return row ? getOrganizationLogo(asSystem(row.orgId)) : null;
}
