import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { invitations } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { emit } from "@/lib/jobs/outbox";
import { inOrg, type Tenant } from "@/lib/tenancy";
import { INVITATION_TTL_MS } from "./invitation-tokens";

export const invitationTargetSchema = z.object({ id: z.string().min(1).max(64) });
export type InvitationTarget = z.infer<typeof invitationTargetSchema>;

async function pendingOrThrow(tenant: Tenant, id: string, executor: Pick<typeof db, "select"> = db) {
  const [row] = await executor
    .select()
    .from(invitations)
    .where(inOrg(invitations, tenant, eq(invitations.id, id), isNull(invitations.acceptedAt)));
  if (!row) throw new AppError("not_found", "Invitation not found");
  return row;
}

export async function getPendingInvitationOrThrow(tenant: Tenant, id: string) {
  return pendingOrThrow(tenant, id);
}

// A mistyped or unwanted invitation goes, so that the address is free again at once; its
// link stops working.
export async function cancelInvitation(tenant: Tenant, { id }: InvitationTarget) {
  const removed = await db
    .delete(invitations)
    .where(inOrg(invitations, tenant, eq(invitations.id, id), isNull(invitations.acceptedAt)))
    .returning({ id: invitations.id });
  if (removed.length === 0) throw new AppError("not_found", "Invitation not found");
  return { id };
}

// A lost invitation is sent again as a new one: a fresh link and 14 more days; the old link
// stops working. A new row (new id) so that its email job is not taken for the old one's.
export async function resendInvitation(tenant: Tenant, { id }: InvitationTarget) {
  return db.transaction(async (tx) => {
    const old = await pendingOrThrow(tenant, id, tx);
    await tx.delete(invitations).where(and(eq(invitations.id, old.id), eq(invitations.organizationId, tenant.orgId)));
    const [fresh] = await tx
      .insert(invitations)
      .values({
        organizationId: tenant.orgId,
        email: old.email,
        role: old.role,
        groupIds: old.groupIds,
        invitedBy: tenant.userId,
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      })
      .returning({ id: invitations.id });
    await emit(tx, { type: "invitation.requested", orgId: tenant.orgId, payload: { invitationId: fresh.id } });
    return { id: fresh.id };
  });
}
