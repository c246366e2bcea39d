import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, groupMembers, memberships } from "@/db/schema";
import type { Role } from "@/db/schema/enums";
import {
  changeMemberRoleAction,
  deactivateMemberAction,
  reactivateMemberAction,
  removeMemberAction,
  updateMemberGroupsAction,
} from "@/lib/members/actions";
import { createGroup, createMember, createOrg } from "@/tests/factories";
import { actAs } from "@/tests/setup/request-context";

type Target = { org: { id: string; slug: string }; membershipId: string; groupId: string };

// Each action, called on a staff member of the caller's organisation.
const ACTIONS: Record<string, (t: Target) => Promise<unknown>> = {
  "change role": (t) => changeMemberRoleAction({ org: t.org.slug, membershipId: t.membershipId, role: "advocate" }),
  "update groups": (t) => updateMemberGroupsAction({ org: t.org.slug, membershipId: t.membershipId, groupIds: [t.groupId] }),
  deactivate: (t) => deactivateMemberAction({ org: t.org.slug, membershipId: t.membershipId }),
  reactivate: (t) => reactivateMemberAction({ org: t.org.slug, membershipId: t.membershipId }),
  remove: (t) => removeMemberAction({ org: t.org.slug, membershipId: t.membershipId }),
};

async function attempt(role: Role, action: string, targetRole: Role = "staff") {
  const org = await createOrg();
  const caller = await createMember(org, { role });
  const target = await createMember(org, { role: targetRole, status: action === "reactivate" ? "deactivated" : "active" });
  const group = await createGroup(org);
  await actAs(caller.user.id);
  try {
    return await ACTIONS[action]({ org, membershipId: target.membership.id, groupId: group.id });
  } catch (error) {
    // removeMemberAction answers success with a redirect to the list.
    if (String(error).includes("NEXT_REDIRECT")) return { ok: true };
    throw error;
  }
}

// A signed-in caller (an admin unless told) and a target (staff unless told) in one organisation.
async function adminWithTarget(callerRole: Role = "admin", targetRole: Role = "staff") {
  const org = await createOrg();
  const admin = await createMember(org, { role: callerRole });
  const target = await createMember(org, { role: targetRole });
  await actAs(admin.user.id);
  return { org, admin, target };
}

function groupsForm(org: { slug: string }, membershipId: string, groupIds: string[]) {
  const form = new FormData();
  form.set("org", org.slug);
  form.set("membershipId", membershipId);
  for (const id of groupIds) form.append("groupIds[]", id);
  return form;
}

describe("member actions: who may", () => {
  const cases = Object.keys(ACTIONS).flatMap((action) =>
    (["owner", "admin", "lead", "staff", "advocate"] as const).map((role) => [action, role, role === "owner" || role === "admin"] as const),
  );

  it.each(cases)("%s as %s: allowed = %s", async (action, role, allowed) => {
    const result = await attempt(role, action);
    expect(result).toMatchObject(allowed ? { ok: true } : { ok: false, code: "forbidden" });
  });

  it.each(Object.keys(ACTIONS))("%s on an owner is refused to an admin", async (action) => {
    const result = await attempt("admin", action, "owner");
    expect(result).toEqual({ ok: false, code: "forbidden" });
  });

  it.each(Object.keys(ACTIONS))("%s is refused to a signed-out caller", async (action) => {
    const org = await createOrg();
    const target = await createMember(org);
    await actAs(null);
    expect(await ACTIONS[action]({ org, membershipId: target.membership.id, groupId: "grp_x" })).toEqual({ ok: false, code: "unauthorized" });
  });

  it("treats a deactivated admin as a stranger to the organisation", async () => {
    const org = await createOrg();
    const caller = await createMember(org, { role: "admin", status: "deactivated" });
    const target = await createMember(org);
    await actAs(caller.user.id);
    expect(await ACTIONS["change role"]({ org, membershipId: target.membership.id, groupId: "" })).toEqual({ ok: false, code: "not_found" });
  });
});

describe("changing roles", () => {
  it("stores the new role and logs who changed it from what", async () => {
    const { org, admin, target } = await adminWithTarget();
    expect(await changeMemberRoleAction({ org: org.slug, membershipId: target.membership.id, role: "lead" })).toMatchObject({ ok: true });
    const [row] = await db.select().from(memberships).where(eq(memberships.id, target.membership.id));
    expect(row.role).toBe("lead");
    const log = await db.select().from(auditLog).where(eq(auditLog.organizationId, org.id));
    expect(log).toMatchObject([{ action: "member.role_changed", actorUserId: admin.user.id, targetId: target.membership.id, details: { from: "staff", to: "lead" } }]);
  });

  it("lets an admin promote to admin but not to owner", async () => {
    const { org, target } = await adminWithTarget();
    expect(await changeMemberRoleAction({ org: org.slug, membershipId: target.membership.id, role: "admin" })).toMatchObject({ ok: true });
    expect(await changeMemberRoleAction({ org: org.slug, membershipId: target.membership.id, role: "owner" })).toEqual({ ok: false, code: "forbidden" });
    const [row] = await db.select().from(memberships).where(eq(memberships.id, target.membership.id));
    expect(row.role).toBe("admin");
  });

  it("lets an owner make someone else an owner", async () => {
    const { org, target } = await adminWithTarget("owner", "admin");
    expect(await changeMemberRoleAction({ org: org.slug, membershipId: target.membership.id, role: "owner" })).toMatchObject({ ok: true, data: { role: "owner" } });
  });

  it("refuses an unknown role with a field error", async () => {
    const { org, target } = await adminWithTarget("owner");
    const result = await changeMemberRoleAction({ org: org.slug, membershipId: target.membership.id, role: "superuser" });
    expect(result).toMatchObject({ ok: false, code: "bad_request", fieldErrors: { role: expect.any(Array) } });
  });

  it("logs nothing when a change is refused", async () => {
    const { org, target: owner } = await adminWithTarget("admin", "owner");
    await changeMemberRoleAction({ org: org.slug, membershipId: owner.membership.id, role: "staff" });
    expect(await db.select().from(auditLog).where(eq(auditLog.organizationId, org.id))).toEqual([]);
  });
});

describe("status and removal", () => {
  it("deactivates then reactivates a member, logging both", async () => {
    const { org, target } = await adminWithTarget();
    await deactivateMemberAction({ org: org.slug, membershipId: target.membership.id });
    expect((await db.select().from(memberships).where(eq(memberships.id, target.membership.id)))[0].status).toBe("deactivated");
    await reactivateMemberAction({ org: org.slug, membershipId: target.membership.id });
    expect((await db.select().from(memberships).where(eq(memberships.id, target.membership.id)))[0].status).toBe("active");
    const log = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.organizationId, org.id)).orderBy(auditLog.createdAt);
    expect(log.map((l) => l.action)).toEqual(["member.deactivated", "member.reactivated"]);
  });

  it("removes a member and their group memberships, then sends the admin back to the list", async () => {
    const { org, admin, target } = await adminWithTarget();
    const group = await createGroup(org);
    await db.insert(groupMembers).values({ organizationId: org.id, groupId: group.id, membershipId: target.membership.id });
    await expect(removeMemberAction({ org: org.slug, membershipId: target.membership.id })).rejects.toThrow(/NEXT_REDIRECT/);
    expect(await db.select().from(memberships).where(eq(memberships.id, target.membership.id))).toEqual([]);
    expect(await db.select().from(groupMembers).where(eq(groupMembers.groupId, group.id))).toEqual([]);
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "member.removed")));
    expect(entry).toMatchObject({ targetId: target.membership.id, actorUserId: admin.user.id });
  });
});

describe("moving between groups", () => {
  it("sets exactly the chosen groups: adds the new ones, removes the others", async () => {
    const { org, target } = await adminWithTarget();
    const [montreal, quebec, conseil] = [await createGroup(org, "Montréal"), await createGroup(org, "Québec"), await createGroup(org, "Conseil")];
    await db.insert(groupMembers).values({ organizationId: org.id, groupId: montreal.id, membershipId: target.membership.id });
    const result = await updateMemberGroupsAction({ org: org.slug, membershipId: target.membership.id, groupIds: [quebec.id, conseil.id] });
    expect(result).toMatchObject({ ok: true, data: { removed: [montreal.id] } });
    const rows = await db.select({ groupId: groupMembers.groupId }).from(groupMembers).where(eq(groupMembers.membershipId, target.membership.id));
    expect(rows.map((r) => r.groupId).sort()).toEqual([quebec.id, conseil.id].sort());
  });

  it("takes a member out of every group when none is chosen (form with no box ticked)", async () => {
    const { org, admin, target } = await adminWithTarget();
    const group = await createGroup(org);
    await db.insert(groupMembers).values({ organizationId: org.id, groupId: group.id, membershipId: target.membership.id });
    expect(await updateMemberGroupsAction(null, groupsForm(org, target.membership.id, []))).toMatchObject({ ok: true });
    expect(await db.select().from(groupMembers).where(eq(groupMembers.membershipId, target.membership.id))).toEqual([]);
  });

  it("reads the ticked boxes of the member form", async () => {
    const { org, target } = await adminWithTarget();
    const [a, b] = [await createGroup(org), await createGroup(org)];
    expect(await updateMemberGroupsAction(null, groupsForm(org, target.membership.id, [a.id, b.id]))).toMatchObject({ ok: true, data: { added: [a.id, b.id] } });
  });
});
