import { randomBytes } from "node:crypto";
import { TZDate } from "@date-fns/tz";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { groups, inviteLinkGroups, inviteLinks, memberships, users } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { assertGroupsInOrg } from "@/lib/groups/queries";
import { getOrganizationSettings } from "@/lib/organizations/settings";
import { inOrg, type Tenant } from "@/lib/tenancy";
import type { CreateInviteLinkInput } from "./invite-link-schemas";

export function newInviteCode() {
  return randomBytes(12).toString("base64url");
}

export function joinUrl(code: string) {
  return new URL(`/join/${code}`, env().APP_URL).toString();
}

async function endOfDayInOrg(tenant: Tenant, day: string) {
  const { timeZone } = await getOrganizationSettings(tenant);
  const [y, m, d] = day.split("-").map(Number);
  const end = new Date(new TZDate(y, m - 1, d, 23, 59, 59, timeZone).getTime());
  if (Number.isNaN(end.getTime()) || end.getTime() <= Date.now()) throw new AppError("bad_request", "Expiry is in the past");
  return end;
}

export async function createInviteLink(tenant: Tenant, input: CreateInviteLinkInput) {
  const expiresAt = input.expiresOn ? await endOfDayInOrg(tenant, input.expiresOn) : null;
  return db.transaction(async (tx) => {
    const groupIds = await assertGroupsInOrg(tx, tenant, input.groupIds);
    const [link] = await tx
      .insert(inviteLinks)
      .values({
        organizationId: tenant.orgId,
        code: newInviteCode(),
        role: input.role,
        label: input.label,
        expiresAt,
        maxUses: input.maxUses ?? null,
        createdBy: tenant.userId,
      })
      .returning();
    if (groupIds.length) {
      await tx.insert(inviteLinkGroups).values(groupIds.map((groupId) => ({ organizationId: tenant.orgId, inviteLinkId: link.id, groupId })));
    }
    return link;
  });
}

export async function getInviteLinkOrThrow(tenant: Tenant, id: string) {
  const [link] = await db.select().from(inviteLinks).where(inOrg(inviteLinks, tenant, eq(inviteLinks.id, id)));
  if (!link) throw new AppError("not_found", "Invite link not found");
  return link;
}

export async function revokeInviteLink(tenant: Tenant, id: string) {
  const link = await getInviteLinkOrThrow(tenant, id);
  if (link.revokedAt) return link;
  const [revoked] = await db
    .update(inviteLinks)
    .set({ revokedAt: new Date() })
    .where(inOrg(inviteLinks, tenant, eq(inviteLinks.id, id), isNull(inviteLinks.revokedAt)))
    .returning();
  return revoked ?? link;
}

const RECENT_JOINERS = 10;

// Every link of the organisation, newest first, with its groups and the last people who
// joined through it.
export async function findInviteLinks(tenant: Tenant) {
  const links = await db.select().from(inviteLinks).where(inOrg(inviteLinks, tenant)).orderBy(desc(inviteLinks.createdAt));
  if (links.length === 0) return [];
  const ids = links.map((l) => l.id);
  const [groupRows, joinerRows] = await Promise.all([
    db
      .select({ linkId: inviteLinkGroups.inviteLinkId, id: groups.id, name: groups.name })
      .from(inviteLinkGroups)
      .innerJoin(groups, eq(groups.id, inviteLinkGroups.groupId))
      .where(and(eq(inviteLinkGroups.organizationId, tenant.orgId), inArray(inviteLinkGroups.inviteLinkId, ids)))
      .orderBy(asc(groups.name)),
    db
      .select({ linkId: sql<string>`ranked.invite_link_id`, name: sql<string | null>`ranked.name`, email: sql<string>`ranked.email`, joinedAt: sql<string>`ranked.joined_at` })
      .from(
        sql`(select m.invite_link_id, u.name, u.email, m.joined_at,
                    row_number() over (partition by m.invite_link_id order by m.joined_at desc) as n
             from ${memberships} m join ${users} u on u.id = m.user_id
             where m.organization_id = ${tenant.orgId} and m.invite_link_id in ${ids}) ranked`,
      )
      .where(sql`ranked.n <= ${RECENT_JOINERS}`)
      .orderBy(sql`ranked.joined_at desc`),
  ]);
  return links.map((link) => ({
    ...link,
    groups: groupRows.filter((g) => g.linkId === link.id).map(({ id, name }) => ({ id, name })),
    recentJoiners: joinerRows.filter((j) => j.linkId === link.id).map(({ name, email, joinedAt }) => ({ name, email, joinedAt: new Date(joinedAt) })),
  }));
}
export type InviteLinkRow = Awaited<ReturnType<typeof findInviteLinks>>[number];
