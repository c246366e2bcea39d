import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { memberships } from "@/db/schema";
import { changeMemberRoleAction, deactivateMemberAction, removeMemberAction } from "@/lib/members/actions";
import { changeMemberRole, deactivateMember, removeMember } from "@/lib/members/queries";
import { createMember, createOrg } from "@/tests/factories";
import { actAs } from "@/tests/setup/request-context";

async function activeOwners(orgId: string) {
  return db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.organizationId, orgId), eq(memberships.role, "owner"), eq(memberships.status, "active")));
}

describe("the last owner", () => {
  it("cannot demote themselves when they are the only owner", async () => {
    const org = await createOrg();
    const owner = await createMember(org, { role: "owner" });
    await actAs(owner.user.id);
    expect(await changeMemberRoleAction({ org: org.slug, membershipId: owner.membership.id, role: "admin" })).toEqual({ ok: false, code: "conflict" });
    expect(await activeOwners(org.id)).toHaveLength(1);
  });

  it("cannot deactivate themselves when they are the only owner", async () => {
    const org = await createOrg();
    const owner = await createMember(org, { role: "owner" });
    await actAs(owner.user.id);
    expect(await deactivateMemberAction({ org: org.slug, membershipId: owner.membership.id })).toEqual({ ok: false, code: "conflict" });
  });

  it("cannot remove themselves when they are the only owner", async () => {
    const org = await createOrg();
    const owner = await createMember(org, { role: "owner" });
    await actAs(owner.user.id);
    expect(await removeMemberAction({ org: org.slug, membershipId: owner.membership.id })).toEqual({ ok: false, code: "conflict" });
    expect(await activeOwners(org.id)).toHaveLength(1);
  });

  it("does not count a deactivated owner as a second owner", async () => {
    const org = await createOrg();
    const owner = await createMember(org, { role: "owner" });
    await createMember(org, { role: "owner", status: "deactivated" });
    await actAs(owner.user.id);
    expect(await changeMemberRoleAction({ org: org.slug, membershipId: owner.membership.id, role: "staff" })).toEqual({ ok: false, code: "conflict" });
  });

  it("can step down once another owner exists", async () => {
    const org = await createOrg();
    const owner = await createMember(org, { role: "owner" });
    const other = await createMember(org, { role: "owner" });
    await actAs(owner.user.id);
    expect(await changeMemberRoleAction({ org: org.slug, membershipId: owner.membership.id, role: "admin" })).toMatchObject({ ok: true });
    expect(await activeOwners(org.id)).toEqual([{ id: other.membership.id }]);
  });

  it("sends an owner who leaves (another owner remaining) home, not to a list they can no longer see", async () => {
    const org = await createOrg();
    const owner = await createMember(org, { role: "owner" });
    await createMember(org, { role: "owner" });
    await actAs(owner.user.id);
    await expect(removeMemberAction({ org: org.slug, membershipId: owner.membership.id })).rejects.toMatchObject({ digest: expect.stringContaining(";/;") });
  });

  it("lets an owner remove another owner while one remains", async () => {
    const org = await createOrg();
    const owner = await createMember(org, { role: "owner" });
    const other = await createMember(org, { role: "owner" });
    await actAs(owner.user.id);
    await expect(removeMemberAction({ org: org.slug, membershipId: other.membership.id })).rejects.toThrow(/NEXT_REDIRECT/);
    expect(await activeOwners(org.id)).toEqual([{ id: owner.membership.id }]);
  });

  it("survives two owners demoting each other at the same moment: exactly one succeeds", async () => {
    const org = await createOrg();
    const a = await createMember(org, { role: "owner" });
    const b = await createMember(org, { role: "owner" });
    // Hold the owner rows so both demotions are in flight before either may proceed; without
    // a lock in the use case, both would read "two owners" and both would succeed.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const gate = db.transaction(async (tx) => {
      await tx.execute(sql`select id from memberships where organization_id = ${org.id} and role = 'owner' for update`);
      locked();
      await held;
    });
    await isLocked;
    const demotions = Promise.allSettled([
      changeMemberRole(a.tenant, { membershipId: b.membership.id, role: "admin" }),
      changeMemberRole(b.tenant, { membershipId: a.membership.id, role: "admin" }),
    ]);
    await new Promise((r) => setTimeout(r, 200));
    release();
    await gate;
    const results = await demotions;
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "conflict" });
    expect(await activeOwners(org.id)).toHaveLength(1);
  });

  it("survives a demotion and a removal of the two owners at the same moment", async () => {
    const org = await createOrg();
    const a = await createMember(org, { role: "owner" });
    const b = await createMember(org, { role: "owner" });
    const results = await Promise.allSettled([
      deactivateMember(a.tenant, { membershipId: b.membership.id }),
      removeMember(b.tenant, { membershipId: a.membership.id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await activeOwners(org.id)).toHaveLength(1);
  });
});
