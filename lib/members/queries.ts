import { and, asc, count, desc, eq, inArray, like, sql } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { groupMembers, groups, memberships, users, type Membership } from "@/db/schema";
import { canAssignRole } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { assertGroupsInOrg, sortGroupsByName } from "@/lib/groups/queries";
import { recordAudit } from "@/lib/organizations/queries";
import { inOrg, type Tenant } from "@/lib/tenancy";
import { encodeCursor, type ChangeMemberRoleInput, type MemberFilters, type UpdateMemberGroupsInput } from "./schemas";

export const MEMBERS_PAGE_SIZE = 50;
// Counting 50,000 rows on every page costs more than the page itself: the list says
// "1,000+" past this.
export const MEMBER_COUNT_CAP = 1000;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function memberWhere(tenant: Tenant, filters: MemberFilters) {
  // Each word must appear somewhere in "name email"; each is a trigram index probe.
  const words = (filters.q ?? "").toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5);
  return inOrg(
    memberships,
    tenant,
    ...words.map((w) => like(memberships.searchText, `%${escapeLike(w)}%`)),
    filters.role ? eq(memberships.role, filters.role) : undefined,
    filters.status ? eq(memberships.status, filters.status) : undefined,
    filters.groupId
      ? inArray(
          memberships.id,
          db.select({ id: groupMembers.membershipId }).from(groupMembers).where(inOrg(groupMembers, tenant, eq(groupMembers.groupId, filters.groupId))),
        )
      : undefined,
  );
}

type GroupRef = { id: string; name: string };

const memberColumns = {
  id: memberships.id,
  userId: memberships.userId,
  role: memberships.role,
  status: memberships.status,
  joinedAt: memberships.joinedAt,
  name: users.name,
  email: users.email,
  // Fetched with the row (one round trip for the page, not one more for the groups).
  groups: sql<GroupRef[]>`coalesce((
    select json_agg(json_build_object('id', g.id, 'name', g.name))
    from ${groupMembers} gm join ${groups} g on g.id = gm.group_id
    where gm.membership_id = ${memberships.id}
  ), '[]'::json)`,
};

const withSortedGroups = <T extends { groups: GroupRef[] }>(member: T) => ({ ...member, groups: sortGroupsByName(member.groups) });

// The member list: newest first, keyset-paginated on (joined_at, id) so page 400 costs what
// page 1 does (memberships_org_joined_idx); no OFFSET, and a capped count.
export async function findMembersPage(tenant: Tenant, filters: MemberFilters, pageSize = MEMBERS_PAGE_SIZE) {
  const where = memberWhere(tenant, filters);
  const after = filters.cursor
    ? sql`(${memberships.joinedAt}, ${memberships.id}) < (${filters.cursor.joinedAt}::timestamptz, ${filters.cursor.id})`
    : undefined;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        ...memberColumns,
        cursorAt: sql<string>`to_char(${memberships.joinedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(where, after))
      .orderBy(desc(memberships.joinedAt), desc(memberships.id))
      .limit(pageSize + 1),
    db.select({ total: count() }).from(db.select({ one: sql`1` }).from(memberships).where(where).limit(MEMBER_COUNT_CAP + 1).as("capped")),
  ]);
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return {
    members: page.map(({ cursorAt: _, ...member }) => withSortedGroups(member)),
    nextCursor: rows.length > pageSize && last ? encodeCursor({ joinedAt: last.cursorAt, id: last.id }) : null,
    total: Math.min(total, MEMBER_COUNT_CAP),
    totalCapped: total > MEMBER_COUNT_CAP,
  };
}
export type MemberRow = Awaited<ReturnType<typeof findMembersPage>>["members"][number];

export async function getMemberOrThrow(tenant: Tenant, membershipId: string) {
  const [member] = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(inOrg(memberships, tenant, eq(memberships.id, membershipId)));
  if (!member) throw new AppError("not_found", "Member not found");
  return withSortedGroups(member);
}

// Every change to a member runs here. Lock order is fixed (the organisation's active owners
// by id, then the target) so concurrent changes queue instead of deadlocking, and the owner
// count read under the lock cannot go stale: two owners demoting each other at once cannot
// both succeed.
async function manageMember<T>(tenant: Tenant, membershipId: string, fn: (tx: Transaction, target: Membership, otherOwners: number) => Promise<T>) {
  return db.transaction(async (tx) => {
    const owners = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(inOrg(memberships, tenant, eq(memberships.role, "owner"), eq(memberships.status, "active")))
      .orderBy(asc(memberships.id))
      .for("update");
    const [target] = await tx.select().from(memberships).where(inOrg(memberships, tenant, eq(memberships.id, membershipId))).for("update");
    if (!target) throw new AppError("not_found", "Member not found");
    // Only an owner may touch an owner (an admin cannot demote, deactivate or remove one).
    if (!canAssignRole(tenant.role, target.role)) throw new AppError("forbidden", "Cannot manage this member");
    return fn(tx, target, owners.filter((o) => o.id !== target.id).length);
  });
}

function keepAnOwner(target: Membership, otherOwners: number) {
  if (target.role === "owner" && target.status === "active" && otherOwners === 0) {
    throw new AppError("conflict", "The organisation must keep an active owner");
  }
}

export async function changeMemberRole(tenant: Tenant, input: ChangeMemberRoleInput) {
  return manageMember(tenant, input.membershipId, async (tx, target, otherOwners) => {
    if (!canAssignRole(tenant.role, input.role)) throw new AppError("forbidden", "Cannot grant this role");
    if (target.role === input.role) return target;
    keepAnOwner(target, otherOwners);
    const [updated] = await tx.update(memberships).set({ role: input.role }).where(eq(memberships.id, target.id)).returning();
    await recordAudit(tx, tenant, "member.role_changed", target.id, { from: target.role, to: input.role });
    return updated;
  });
}

async function setMemberStatus(tenant: Tenant, membershipId: string, status: "active" | "deactivated") {
  return manageMember(tenant, membershipId, async (tx, target, otherOwners) => {
    if (target.status === status) return target;
    if (status === "deactivated") keepAnOwner(target, otherOwners);
    const [updated] = await tx.update(memberships).set({ status }).where(eq(memberships.id, target.id)).returning();
    await recordAudit(tx, tenant, status === "active" ? "member.reactivated" : "member.deactivated", target.id, { from: target.status });
    return updated;
  });
}

export const deactivateMember = (tenant: Tenant, input: { membershipId: string }) => setMemberStatus(tenant, input.membershipId, "deactivated");
export const reactivateMember = (tenant: Tenant, input: { membershipId: string }) => setMemberStatus(tenant, input.membershipId, "active");

export async function removeMember(tenant: Tenant, input: { membershipId: string }) {
  return manageMember(tenant, input.membershipId, async (tx, target, otherOwners) => {
    keepAnOwner(target, otherOwners);
    await tx.delete(memberships).where(eq(memberships.id, target.id));
    await recordAudit(tx, tenant, "member.removed", target.id, { userId: target.userId, role: target.role });
    return { id: target.id };
  });
}

export async function updateMemberGroups(tenant: Tenant, input: UpdateMemberGroupsInput) {
  return manageMember(tenant, input.membershipId, async (tx, target) => {
    const wanted = await assertGroupsInOrg(tx, tenant, input.groupIds);
    const current = await tx.select({ id: groupMembers.groupId }).from(groupMembers).where(eq(groupMembers.membershipId, target.id));
    const removed = current.map((c) => c.id).filter((id) => !wanted.includes(id));
    const added = wanted.filter((id) => !current.some((c) => c.id === id));
    if (removed.length) {
      await tx.delete(groupMembers).where(and(eq(groupMembers.membershipId, target.id), inArray(groupMembers.groupId, removed)));
    }
    if (added.length) {
      await tx
        .insert(groupMembers)
        .values(added.map((groupId) => ({ organizationId: tenant.orgId, groupId, membershipId: target.id })))
        .onConflictDoNothing();
    }
    if (added.length || removed.length) await recordAudit(tx, tenant, "member.groups_changed", target.id, { added, removed });
    return { added, removed };
  });
}
