import { and, eq, gt, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { db, type Database, type Transaction } from "@/db/client";
import { groupMembers, groups, inviteLinkGroups, inviteLinks, invitations, joinClaims, memberships, organizations, users } from "@/db/schema";
import type { Role } from "@/db/schema/enums";
import { AppError } from "@/lib/errors";
import { insertMemberships } from "@/lib/members/insert-memberships";
import { hashInvitationToken } from "./invitation-tokens";
import { inviteLinkState } from "./invite-link-schemas";
import type { Profile } from "./join-schemas";

const CLAIM_TTL_MS = 24 * 3600 * 1000;

export async function getMembershipStatus(orgId: string, userId: string, executor: Database | Transaction = db) {
  const [row] = await executor
    .select({ status: memberships.status })
    .from(memberships)
    .where(and(eq(memberships.organizationId, orgId), eq(memberships.userId, userId)));
  return row?.status ?? null;
}

export async function createJoinClaim(values: { organizationId: string; inviteLinkId?: string; invitationId?: string; email: string; profile: Profile }) {
  const { profile, ...rest } = values;
  const [claim] = await db
    .insert(joinClaims)
    .values({ ...rest, ...profile, email: values.email.toLowerCase(), expiresAt: new Date(Date.now() + CLAIM_TTL_MS) })
    .returning();
  return claim;
}

async function applyProfile(tx: Transaction, userId: string, profile: Profile | undefined) {
  if (profile) {
    await tx
      .update(users)
      .set({ firstName: profile.firstName, lastName: profile.lastName, name: `${profile.firstName} ${profile.lastName}`, locale: profile.locale })
      .where(eq(users.id, userId));
  }
  const [user] = await tx.select().from(users).where(eq(users.id, userId));
  return user;
}

// Returns null when the person already belonged to the organisation: joining twice leaves
// their membership as it was.
async function insertMembership(tx: Transaction, values: { orgId: string; userId: string; role: Role; inviteLinkId?: string; profile?: Profile }) {
  const user = await applyProfile(tx, values.userId, values.profile);
  const via = values.inviteLinkId ? "invite_link" : "invitation";
  const [membership] = await insertMemberships(tx, values.orgId, [{ user, role: values.role, status: "active", inviteLinkId: values.inviteLinkId }], via);
  return membership.inserted ? membership : null;
}

async function joinLinkInTx(tx: Transaction, userId: string, where: { code: string } | { id: string }, profile?: Profile) {
  const [link] = await tx
    .select({ link: inviteLinks, slug: organizations.slug })
    .from(inviteLinks)
    .innerJoin(organizations, eq(organizations.id, inviteLinks.organizationId))
    .where("code" in where ? eq(inviteLinks.code, where.code) : eq(inviteLinks.id, where.id));
  if (!link) throw new AppError("not_found", "Invite link not found");
  const { id, organizationId, role } = link.link;
  if (await getMembershipStatus(organizationId, userId, tx)) return { slug: link.slug, joined: false };
  if (inviteLinkState(link.link) !== "active") throw new AppError("gone", "Invite link no longer valid");
  const membership = await insertMembership(tx, { orgId: organizationId, userId, role, inviteLinkId: id, profile });
  if (!membership) return { slug: link.slug, joined: false };
  // The row lock taken by this UPDATE serialises concurrent joins; each re-checks
  // use_count < max_uses after the previous one committed, so the limit holds exactly.
  const [counted] = await tx
    .update(inviteLinks)
    .set({ useCount: sql`${inviteLinks.useCount} + 1` })
    .where(
      and(
        eq(inviteLinks.id, id),
        isNull(inviteLinks.revokedAt),
        or(isNull(inviteLinks.expiresAt), gt(inviteLinks.expiresAt, sql`now()`)),
        or(isNull(inviteLinks.maxUses), lt(inviteLinks.useCount, inviteLinks.maxUses)),
      ),
    )
    .returning({ id: inviteLinks.id });
  // Throwing rolls the membership back with it.
  if (!counted) throw new AppError("gone", "Invite link used up");
  const granted = await tx.select({ groupId: inviteLinkGroups.groupId }).from(inviteLinkGroups).where(eq(inviteLinkGroups.inviteLinkId, id));
  if (granted.length) {
    await tx.insert(groupMembers).values(granted.map(({ groupId }) => ({ organizationId, groupId, membershipId: membership.id })));
  }
  return { slug: link.slug, joined: true };
}

export async function joinThroughLink(userId: string, code: string, profile?: Profile) {
  return db.transaction((tx) => joinLinkInTx(tx, userId, { code }, profile));
}

async function acceptInvitationInTx(tx: Transaction, user: { id: string; email: string }, where: { tokenHash: string } | { id: string }, profile?: Profile) {
  const [row] = await tx
    .select({ invitation: invitations, slug: organizations.slug })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where("id" in where ? eq(invitations.id, where.id) : eq(invitations.tokenHash, where.tokenHash))
    .for("update", { of: invitations });
  if (!row) throw new AppError("not_found", "Invitation not found");
  const { invitation, slug } = row;
  if (invitation.acceptedAt) {
    if (invitation.acceptedBy === user.id) return { slug, joined: false };
    throw new AppError("gone", "Invitation already used");
  }
  if (invitation.expiresAt <= new Date()) throw new AppError("gone", "Invitation expired");
  if (invitation.email !== user.email.toLowerCase()) throw new AppError("forbidden", "Invitation sent to another address");
  const orgId = invitation.organizationId;
  const inserted = await insertMembership(tx, { orgId, userId: user.id, role: invitation.role, profile });
  const [membership] = await tx
    .select({ id: memberships.id, role: memberships.role, status: memberships.status })
    .from(memberships)
    .where(and(eq(memberships.organizationId, orgId), eq(memberships.userId, user.id)));
  // Someone an admin deactivated stays out: only an admin's reactivation brings them back,
  // never an invitation (a forwarded email, one sent before the deactivation). Throwing rolls
  // back and leaves the invitation unused.
  if (!inserted && membership.status === "deactivated") throw new AppError("forbidden", "Deactivated by an administrator");
  // An advocate invited as staff is promoted; nobody is ever demoted by an invitation.
  if (!inserted && membership.role === "advocate" && invitation.role === "staff") {
    await tx.update(memberships).set({ role: "staff", status: "active" }).where(eq(memberships.id, membership.id));
  }
  if (invitation.groupIds.length) {
    const valid = await tx.select({ id: groups.id }).from(groups).where(and(eq(groups.organizationId, orgId), inArray(groups.id, invitation.groupIds)));
    if (valid.length) {
      await tx
        .insert(groupMembers)
        .values(valid.map((g) => ({ organizationId: orgId, groupId: g.id, membershipId: membership.id })))
        .onConflictDoNothing();
    }
  }
  await tx.update(invitations).set({ acceptedAt: new Date(), acceptedBy: user.id }).where(eq(invitations.id, invitation.id));
  return { slug, joined: Boolean(inserted) };
}

export async function acceptInvitation(user: { id: string; email: string }, token: string, profile?: Profile) {
  return db.transaction((tx) => acceptInvitationInTx(tx, user, { tokenHash: hashInvitationToken(token) }, profile));
}

export type ClaimOutcome = { ok: true; slug: string } | { ok: false; retryPath: string };

// The magic link of a join request lands here once the address is proven: the join and the
// claim's completion commit together.
export async function completeJoinClaim(user: { id: string; email: string }, claimId: string): Promise<ClaimOutcome> {
  const [row] = await db
    .select({ claim: joinClaims, code: inviteLinks.code, slug: organizations.slug })
    .from(joinClaims)
    .innerJoin(organizations, eq(organizations.id, joinClaims.organizationId))
    .leftJoin(inviteLinks, eq(inviteLinks.id, joinClaims.inviteLinkId))
    .where(eq(joinClaims.id, claimId));
  if (!row || row.claim.email !== user.email.toLowerCase()) return { ok: false, retryPath: row?.code ? `/join/${row.code}` : "/" };
  const { claim } = row;
  // Invitation pages are addressed by a token we do not keep; an unknown token shows the
  // "no longer valid" page, which is what a failed invitation claim should show.
  const retryPath = row.code ? `/join/${row.code}` : "/join/invitation/expired";
  if (claim.completedAt) return { ok: true, slug: row.slug };
  if (claim.expiresAt <= new Date()) return { ok: false, retryPath };
  const profile: Profile = { firstName: claim.firstName, lastName: claim.lastName, locale: claim.locale };
  try {
    const result = await db.transaction(async (tx) => {
      const joined = claim.inviteLinkId
        ? await joinLinkInTx(tx, user.id, { id: claim.inviteLinkId }, profile)
        : await acceptInvitationInTx(tx, user, { id: claim.invitationId! }, profile);
      await tx.update(joinClaims).set({ completedAt: new Date() }).where(eq(joinClaims.id, claim.id));
      return joined;
    });
    return { ok: true, slug: result.slug };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, retryPath };
    throw error;
  }
}
