import { and, count, eq, inArray } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { groupMembers, groups, memberships } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/organizations/queries";
import { inOrg, type Tenant } from "@/lib/tenancy";
import type { CreateGroupInput, GroupMemberInput, RenameGroupInput } from "./schemas";

// "Éducateurs" before "Montréal": the database's collation may be plain bytes, and an
// organisation has dozens of groups, not thousands, so they are sorted here.
const collator = new Intl.Collator("fr", { sensitivity: "base", numeric: true });
export const sortGroupsByName = <T extends { name: string }>(rows: T[]) => rows.sort((a, b) => collator.compare(a.name, b.name));

export async function findGroups(tenant: Tenant) {
  return sortGroupsByName(await db.select({ id: groups.id, name: groups.name }).from(groups).where(inOrg(groups, tenant)));
}

export async function findGroupsWithCounts(tenant: Tenant) {
  return sortGroupsByName(
    await db
      .select({ id: groups.id, name: groups.name, memberCount: count(groupMembers.membershipId) })
      .from(groups)
      .leftJoin(groupMembers, eq(groupMembers.groupId, groups.id))
      .where(inOrg(groups, tenant))
      .groupBy(groups.id),
  );
}

// Group ids come from the browser: every one must belong to the tenant, else it is a 404.
// Returns them without repeats.
export async function assertGroupsInOrg(tx: Transaction | typeof db, tenant: Pick<Tenant, "orgId">, groupIds: string[]) {
  const wanted = [...new Set(groupIds)];
  if (wanted.length === 0) return wanted;
  const found = await tx.select({ id: groups.id }).from(groups).where(inOrg(groups, tenant, inArray(groups.id, wanted)));
  if (found.length !== wanted.length) throw new AppError("not_found", "Group not found");
  return wanted;
}

async function selectGroupOrThrow(tx: Transaction | typeof db, tenant: Tenant, groupId: string) {
  const [group] = await tx.select().from(groups).where(inOrg(groups, tenant, eq(groups.id, groupId)));
  if (!group) throw new AppError("not_found", "Group not found");
  return group;
}

export const getGroupOrThrow = (tenant: Tenant, groupId: string) => selectGroupOrThrow(db, tenant, groupId);

export async function createGroup(tenant: Tenant, input: CreateGroupInput) {
  return db.transaction(async (tx) => {
    const [group] = await tx.insert(groups).values({ organizationId: tenant.orgId, name: input.name }).returning();
    await recordAudit(tx, tenant, "group.created", group.id, { name: group.name });
    return group;
  });
}

export async function renameGroup(tenant: Tenant, input: RenameGroupInput) {
  return db.transaction(async (tx) => {
    const before = await selectGroupOrThrow(tx, tenant, input.groupId);
    if (before.name === input.name) return before;
    const [group] = await tx.update(groups).set({ name: input.name }).where(eq(groups.id, before.id)).returning();
    await recordAudit(tx, tenant, "group.renamed", group.id, { from: before.name, to: group.name });
    return group;
  });
}

export async function deleteGroup(tenant: Tenant, input: { groupId: string }) {
  return db.transaction(async (tx) => {
    const group = await selectGroupOrThrow(tx, tenant, input.groupId);
    await tx.delete(groups).where(eq(groups.id, group.id));
    await recordAudit(tx, tenant, "group.deleted", group.id, { name: group.name });
    return { id: group.id };
  });
}

async function resolveGroupMember(tx: Transaction, tenant: Tenant, input: GroupMemberInput) {
  const group = await selectGroupOrThrow(tx, tenant, input.groupId);
  const [member] = await tx.select({ id: memberships.id }).from(memberships).where(inOrg(memberships, tenant, eq(memberships.id, input.membershipId)));
  if (!member) throw new AppError("not_found", "Member not found");
  return { group, member };
}

export async function addGroupMember(tenant: Tenant, input: GroupMemberInput) {
  return db.transaction(async (tx) => {
    const { group, member } = await resolveGroupMember(tx, tenant, input);
    const added = await tx
      .insert(groupMembers)
      .values({ organizationId: tenant.orgId, groupId: group.id, membershipId: member.id })
      .onConflictDoNothing()
      .returning({ id: groupMembers.membershipId });
    if (added.length) await recordAudit(tx, tenant, "group.member_added", member.id, { groupId: group.id });
    return { added: added.length > 0 };
  });
}

export async function removeGroupMember(tenant: Tenant, input: GroupMemberInput) {
  return db.transaction(async (tx) => {
    const { group, member } = await resolveGroupMember(tx, tenant, input);
    const removed = await tx
      .delete(groupMembers)
      .where(and(eq(groupMembers.groupId, group.id), eq(groupMembers.membershipId, member.id)))
      .returning({ id: groupMembers.membershipId });
    if (removed.length) await recordAudit(tx, tenant, "group.member_removed", member.id, { groupId: group.id });
    return { removed: removed.length > 0 };
  });
}
