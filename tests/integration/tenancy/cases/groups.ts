import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { db } from "@/db/client";
import { groupMembers, groups } from "@/db/schema";
import { addToGroup, createGroup, createMember } from "@/tests/factories";
import type { Actor, CrossOrgActionCase } from "../types";

const FOREIGN_GROUP = "Groupe étranger";

async function foreignGroup(foreign: Actor) {
  return createGroup(foreign.org, FOREIGN_GROUP);
}

async function foreignGroupUnchanged({ foreign }: { foreign: Actor }) {
  const rows = await db.select().from(groups).where(eq(groups.organizationId, foreign.org.id));
  expect(rows.map((g) => g.name)).toEqual([FOREIGN_GROUP]);
}

export const actionCases: CrossOrgActionCase[] = [
  {
    action: "lib/groups/actions.ts#createGroupAction",
    input: async ({ foreign }) => ({ org: foreign.org.slug, name: "Intrus" }),
    async unchanged({ foreign }) {
      expect(await db.select().from(groups).where(eq(groups.organizationId, foreign.org.id))).toEqual([]);
    },
  },
  {
    action: "lib/groups/actions.ts#renameGroupAction",
    input: async ({ own, foreign }) => ({ org: own.org.slug, groupId: (await foreignGroup(foreign)).id, name: "Renommé" }),
    unchanged: foreignGroupUnchanged,
  },
  {
    action: "lib/groups/actions.ts#deleteGroupAction",
    input: async ({ own, foreign }) => ({ org: own.org.slug, groupId: (await foreignGroup(foreign)).id }),
    unchanged: foreignGroupUnchanged,
  },
  {
    // Another organisation's member put into an own group.
    action: "lib/groups/actions.ts#addGroupMemberAction",
    input: async ({ own, foreign }) => ({ org: own.org.slug, groupId: (await createGroup(own.org)).id, membershipId: foreign.membershipId }),
    async unchanged({ foreign }) {
      expect(await db.select().from(groupMembers).where(eq(groupMembers.membershipId, foreign.membershipId))).toEqual([]);
    },
  },
  {
    // An own member put into another organisation's group.
    action: "lib/groups/actions.ts#addGroupMemberAction",
    input: async ({ own, foreign }) => ({ org: own.org.slug, groupId: (await foreignGroup(foreign)).id, membershipId: own.membershipId }),
    async unchanged({ foreign }) {
      expect(await db.select().from(groupMembers).where(eq(groupMembers.organizationId, foreign.org.id))).toEqual([]);
    },
  },
  {
    action: "lib/groups/actions.ts#removeGroupMemberAction",
    async input({ own, foreign }) {
      const group = await foreignGroup(foreign);
      const { membership } = await createMember(foreign.org);
      await addToGroup(foreign.org, group.id, membership.id);
      return { org: own.org.slug, groupId: group.id, membershipId: membership.id };
    },
    async unchanged({ foreign }) {
      expect(await db.select().from(groupMembers).where(eq(groupMembers.organizationId, foreign.org.id))).toHaveLength(1);
    },
  },
];
