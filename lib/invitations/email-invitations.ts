import { and, desc, eq, inArray, isNull, lte } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { invitations, memberships, users } from "@/db/schema";
import { assertGroupsInOrg } from "@/lib/groups/queries";
import { emit } from "@/lib/jobs/outbox";
import { getOrganizationSettings } from "@/lib/organizations/settings";
import { asSystem, inOrg, type Tenant } from "@/lib/tenancy";
import type { InviteStaffInput } from "./email-invitation-schemas";
import { INVITATION_TTL_MS, newInvitationToken } from "./invitation-tokens";
import { sendInvitationEmail } from "./send-invitation-email";

// One invitation per address; people already in the organisation or already invited (and
// not expired) are skipped.
export async function createInvitations(tenant: Tenant, input: InviteStaffInput) {
  return db.transaction(async (tx) => {
    const groupIds = await assertGroupsInOrg(tx, tenant, input.groupIds);
    const members = await tx
      .select({ email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(inOrg(memberships, tenant, inArray(users.email, input.emails)));
    const memberEmails = new Set(members.map((m) => m.email));
    const candidates = input.emails.filter((e) => !memberEmails.has(e));
    if (candidates.length === 0) return { ids: [] as string[], skipped: input.emails.length };
    // An expired pending invitation gives way to a fresh one.
    await tx
      .delete(invitations)
      .where(inOrg(invitations, tenant, inArray(invitations.email, candidates), isNull(invitations.acceptedAt), lte(invitations.expiresAt, new Date())));
    const created = await tx
      .insert(invitations)
      .values(
        candidates.map((email) => ({
          organizationId: tenant.orgId,
          email,
          role: input.role,
          groupIds,
          invitedBy: tenant.userId,
          expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
        })),
      )
      .onConflictDoNothing()
      .returning({ id: invitations.id });
    // Each email is committed with its invitation: never an invitation that blocks the address
    // for 14 days without its email.
    await emit(tx, ...created.map((c) => ({ type: "invitation.requested" as const, orgId: tenant.orgId, payload: { invitationId: c.id } })));
    return { ids: created.map((c) => c.id), skipped: input.emails.length - created.length };
  });
}

export async function findInvitations(tenant: Tenant, limit = 100) {
  return db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      sentAt: invitations.sentAt,
      acceptedAt: invitations.acceptedAt,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
    })
    .from(invitations)
    .where(inOrg(invitations, tenant))
    .orderBy(desc(invitations.createdAt))
    .limit(limit);
}

// Claims the right to send: only the run that flips sent_at from null sends, so a job run
// twice (a retry, a duplicate enqueue) emails once. The fresh token exists only in the
// returned value and in the email. Trade-off: a crash between this and the SMTP hand-off
// loses the email rather than risking two.
export async function claimInvitationSend(orgId: string, invitationId: string) {
  const { token, hash } = newInvitationToken();
  const [row] = await db
    .update(invitations)
    .set({ sentAt: new Date(), tokenHash: hash })
    .where(and(eq(invitations.id, invitationId), eq(invitations.organizationId, orgId), isNull(invitations.sentAt), isNull(invitations.acceptedAt)))
    .returning();
  if (!row) return null;
  const [org, [inviter], [invitee]] = await Promise.all([
    getOrganizationSettings(asSystem(orgId)),
    db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, row.invitedBy ?? "")),
    db.select({ locale: users.locale }).from(users).where(eq(users.email, row.email)),
  ]);
  return {
    invitation: row,
    token,
    orgName: org.name,
    inviterName: inviter?.name ?? null,
    inviterEmail: inviter?.email ?? null,
    locale: invitee?.locale ?? org.defaultLocale,
  };
}

// The email did not leave: give the next attempt the right to send again.
export async function releaseInvitationSend(invitationId: string) {
  await db.update(invitations).set({ sentAt: null, tokenHash: null }).where(and(eq(invitations.id, invitationId), isNull(invitations.acceptedAt)));
}

// Retries and duplicate enqueues land here too: only the run that claims the send sends.
export async function sendPendingInvitation(orgId: string, invitationId: string) {
  const claimed = await claimInvitationSend(orgId, invitationId);
  if (!claimed) return { sent: false };
  try {
    await sendInvitationEmail({
      to: claimed.invitation.email,
      token: claimed.token,
      orgName: claimed.orgName,
      inviterName: claimed.inviterName ?? claimed.inviterEmail,
      role: claimed.invitation.role,
      expiresAt: claimed.invitation.expiresAt,
      locale: claimed.locale,
    });
  } catch (error) {
    await releaseInvitationSend(invitationId);
    throw error;
  }
  return { sent: true };
}

// People an import names who already have an account: invited like staff by email (pending
// until they accept), never made members behind their back. Written in the import's batch
// transaction; an address already invited keeps its invitation.
export async function inviteExistingAccounts(tx: Transaction, orgId: string, people: { email: string; groupIds: string[] }[], invitedBy: string | null) {
  if (people.length === 0) return;
  const created = await tx
    .insert(invitations)
    .values(people.map((p) => ({ organizationId: orgId, email: p.email, role: "advocate" as const, groupIds: p.groupIds, invitedBy, expiresAt: new Date(Date.now() + INVITATION_TTL_MS) })))
    .onConflictDoNothing()
    .returning({ id: invitations.id });
  await emit(tx, ...created.map((c) => ({ type: "invitation.requested" as const, orgId, payload: { invitationId: c.id } })));
}
