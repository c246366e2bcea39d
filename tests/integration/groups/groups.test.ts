import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, groupMembers, groups, memberships } from "@/db/schema";
import type { Role } from "@/db/schema/enums";
import { addGroupMemberAction, createGroupAction, deleteGroupAction, removeGroupMemberAction, renameGroupAction } from "@/lib/groups/actions";
import { findGroupsWithCounts } from "@/lib/groups/queries";
import { addToGroup, createGroup, createMember, createOrg } from "@/tests/factories";
import { actAs } from "@/tests/setup/request-context";

async function signedIn(role: Role = "lead") {
  const org = await createOrg();
  const caller = await createMember(org, { role });
  await actAs(caller.user.id);
  return { org, caller };
}

function form(values: Record<string, string>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

const redirected = (promise: Promise<unknown>) => expect(promise).rejects.toThrow(/NEXT_REDIRECT/);

describe("groups: who may manage them", () => {
  const roles = (["owner", "admin", "lead", "staff", "advocate"] as const).map((role) => [role, role !== "staff" && role !== "advocate"] as const);

  it.each(roles)("creating a group as %s: allowed = %s", async (role, allowed) => {
    const { org } = await signedIn(role);
    expect(await createGroupAction(null, form({ org: org.slug, name: "Montréal" }))).toMatchObject(allowed ? { ok: true } : { ok: false, code: "forbidden" });
  });

  it.each(roles)("renaming a group as %s: allowed = %s", async (role, allowed) => {
    const { org } = await signedIn(role);
    const group = await createGroup(org, "Québec");
    expect(await renameGroupAction({ org: org.slug, groupId: group.id, name: "Ville de Québec" })).toMatchObject(allowed ? { ok: true } : { ok: false, code: "forbidden" });
  });

  it.each(roles)("deleting a group as %s: allowed = %s", async (role, allowed) => {
    const { org } = await signedIn(role);
    const group = await createGroup(org);
    const call = deleteGroupAction({ org: org.slug, groupId: group.id });
    if (allowed) await redirected(call);
    else expect(await call).toEqual({ ok: false, code: "forbidden" });
    expect(await db.select().from(groups).where(eq(groups.id, group.id))).toHaveLength(allowed ? 0 : 1);
  });

  it.each(roles)("adding and removing a member as %s: allowed = %s", async (role, allowed) => {
    const { org } = await signedIn(role);
    const group = await createGroup(org);
    const { membership } = await createMember(org);
    const input = { org: org.slug, groupId: group.id, membershipId: membership.id };
    expect(await addGroupMemberAction(input)).toMatchObject(allowed ? { ok: true } : { ok: false, code: "forbidden" });
    if (!allowed) await addToGroup(org, group.id, membership.id);
    expect(await removeGroupMemberAction(input)).toMatchObject(allowed ? { ok: true } : { ok: false, code: "forbidden" });
  });
});

describe("groups: create, rename, delete", () => {
  it("creates a group that is listed with no members", async () => {
    const { org, caller } = await signedIn();
    expect(await createGroupAction(null, form({ org: org.slug, name: "  Éducateurs  " }))).toMatchObject({ ok: true, data: { name: "Éducateurs" } });
    expect(await findGroupsWithCounts(caller.tenant)).toMatchObject([{ name: "Éducateurs", memberCount: 0 }]);
  });

  it("refuses a second group with the same name in one organisation", async () => {
    const { org } = await signedIn();
    await createGroup(org, "Conseil");
    expect(await createGroupAction(null, form({ org: org.slug, name: "Conseil" }))).toEqual({ ok: false, code: "conflict" });
  });

  it("allows the same name in two organisations", async () => {
    const other = await createOrg();
    await createGroup(other, "Conseil");
    const { org } = await signedIn();
    expect(await createGroupAction(null, form({ org: org.slug, name: "Conseil" }))).toMatchObject({ ok: true });
  });

  it("refuses an empty name", async () => {
    const { org } = await signedIn();
    expect(await createGroupAction(null, form({ org: org.slug, name: "   " }))).toMatchObject({ ok: false, code: "bad_request", fieldErrors: { name: expect.any(Array) } });
  });

  it("renames a group and logs the old and new names", async () => {
    const { org } = await signedIn();
    const group = await createGroup(org, "Relève");
    expect(await renameGroupAction({ org: org.slug, groupId: group.id, name: "Relève 2027" })).toMatchObject({ ok: true, data: { name: "Relève 2027" } });
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "group.renamed")));
    expect(entry.details).toEqual({ from: "Relève", to: "Relève 2027" });
  });

  it("refuses to rename a group to another group's name", async () => {
    const { org } = await signedIn();
    await createGroup(org, "Montréal");
    const group = await createGroup(org, "Laval");
    expect(await renameGroupAction({ org: org.slug, groupId: group.id, name: "Montréal" })).toEqual({ ok: false, code: "conflict" });
  });

  it("deletes a group but keeps its members in the organisation", async () => {
    const { org } = await signedIn();
    const group = await createGroup(org);
    const { membership } = await createMember(org);
    await addToGroup(org, group.id, membership.id);
    await redirected(deleteGroupAction(null, form({ org: org.slug, groupId: group.id })));
    expect(await db.select().from(groups).where(eq(groups.id, group.id))).toEqual([]);
    expect(await db.select().from(groupMembers).where(eq(groupMembers.groupId, group.id))).toEqual([]);
    expect(await db.select().from(memberships).where(eq(memberships.id, membership.id))).toHaveLength(1);
  });

  it("answers not found for a group that does not exist", async () => {
    const { org } = await signedIn();
    expect(await renameGroupAction({ org: org.slug, groupId: "grp_nope", name: "X" })).toEqual({ ok: false, code: "not_found" });
  });
});

describe("groups: members", () => {
  it("adds a member, counts them, and lets them be in several groups", async () => {
    const { org, caller } = await signedIn();
    const [montreal, educateurs] = [await createGroup(org, "Montréal"), await createGroup(org, "Éducateurs")];
    const { membership } = await createMember(org);
    for (const group of [montreal, educateurs]) {
      expect(await addGroupMemberAction({ org: org.slug, groupId: group.id, membershipId: membership.id })).toMatchObject({ ok: true, data: { added: true } });
    }
    expect(await findGroupsWithCounts(caller.tenant)).toMatchObject([
      { name: "Éducateurs", memberCount: 1 },
      { name: "Montréal", memberCount: 1 },
    ]);
  });

  it("adds a member only once, however often it is asked", async () => {
    const { org } = await signedIn();
    const group = await createGroup(org);
    const { membership } = await createMember(org);
    const input = { org: org.slug, groupId: group.id, membershipId: membership.id };
    await addGroupMemberAction(input);
    expect(await addGroupMemberAction(input)).toMatchObject({ ok: true, data: { added: false } });
    expect(await db.select().from(groupMembers).where(eq(groupMembers.groupId, group.id))).toHaveLength(1);
    expect(await db.select().from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "group.member_added")))).toHaveLength(1);
  });

  it("removes a member from one group and leaves their other groups", async () => {
    const { org } = await signedIn();
    const [a, b] = [await createGroup(org), await createGroup(org)];
    const { membership } = await createMember(org);
    await addToGroup(org, a.id, membership.id);
    await addToGroup(org, b.id, membership.id);
    expect(await removeGroupMemberAction({ org: org.slug, groupId: a.id, membershipId: membership.id })).toMatchObject({ ok: true, data: { removed: true } });
    const rows = await db.select({ groupId: groupMembers.groupId }).from(groupMembers).where(eq(groupMembers.membershipId, membership.id));
    expect(rows).toEqual([{ groupId: b.id }]);
  });
});
