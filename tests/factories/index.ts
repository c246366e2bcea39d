import { randomBytes } from "node:crypto";
import { db } from "@/db/client";
import { groupMembers, groups, memberships, organizations, users } from "@/db/schema";
import type { Locale, Role } from "@/db/schema/enums";
import type { Tenant } from "@/lib/tenancy";

export const unique = (prefix = "") => `${prefix}${randomBytes(5).toString("hex")}`;

export async function createUser(overrides: Partial<typeof users.$inferInsert> = {}) {
  const id = unique();
  const [user] = await db
    .insert(users)
    .values({ name: `Test ${id}`, email: `user-${id}@example.test`, ...overrides })
    .returning();
  return user;
}

export async function createOrg(overrides: Partial<typeof organizations.$inferInsert> = {}) {
  const slug = unique("org-");
  const [org] = await db.insert(organizations).values({ name: `Org ${slug}`, slug, ...overrides }).returning();
  return org;
}

export async function createMember(
  org: { id: string; slug: string },
  options: { role?: Role; status?: "active" | "invited" | "deactivated"; locale?: Locale; user?: { id: string; name: string | null; email: string } } = {},
) {
  const user = options.user ?? (await createUser({ locale: options.locale }));
  const [membership] = await db
    .insert(memberships)
    .values({
      organizationId: org.id,
      userId: user.id,
      role: options.role ?? "staff",
      status: options.status ?? "active",
      searchText: `${user.name ?? ""} ${user.email}`.toLowerCase(),
    })
    .returning();
  const tenant: Tenant = { orgId: org.id, orgSlug: org.slug, userId: user.id, membershipId: membership.id, role: membership.role };
  return { user, membership, tenant };
}

export async function createGroup(org: { id: string }, name = unique("Group ")) {
  const [group] = await db.insert(groups).values({ organizationId: org.id, name }).returning();
  return group;
}

export async function addToGroup(org: { id: string }, groupId: string, membershipId: string) {
  await db.insert(groupMembers).values({ organizationId: org.id, groupId, membershipId });
}
