import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { db } from "@/db/client";
import { groupMembers, memberships } from "@/db/schema";
import { createGroup, createMember } from "@/tests/factories";
import type { Actor, CrossOrgActionCase } from "../types";

// The caller is an owner in `own` and names its own workspace; only the ids are foreign.
const foreignMember = (action: string, extra: Record<string, unknown> = {}): CrossOrgActionCase => ({
  action: `lib/members/actions.ts#${action}`,
  input: async ({ own, foreign }) => ({ org: own.org.slug, membershipId: foreign.membershipId, ...extra }),
  async unchanged({ foreign }) {
    const [row] = await db.select().from(memberships).where(eq(memberships.id, foreign.membershipId));
    expect(row).toMatchObject({ role: "owner", status: "active" });
  },
});

async function ownStaff(own: Actor) {
  return (await createMember(own.org, { role: "staff" })).membership;
}

export const actionCases: CrossOrgActionCase[] = [
  foreignMember("changeMemberRoleAction", { role: "staff" }),
  foreignMember("deactivateMemberAction"),
  foreignMember("reactivateMemberAction"),
  foreignMember("removeMemberAction"),
  foreignMember("updateMemberGroupsAction", { groupIds: [] }),
  {
    // An own member put into another organisation's group.
    action: "lib/members/actions.ts#updateMemberGroupsAction",
    async input({ own, foreign }) {
      const member = await ownStaff(own);
      const group = await createGroup(foreign.org);
      return { org: own.org.slug, membershipId: member.id, groupIds: [group.id] };
    },
    async unchanged({ foreign }) {
      expect(await db.select().from(groupMembers).where(eq(groupMembers.organizationId, foreign.org.id))).toEqual([]);
    },
  },
];
