import { and, eq, ne, sql } from "drizzle-orm";
import { db, type Database, type Transaction } from "@/db/client";
import { memberships, organizations } from "@/db/schema";
import { AppError } from "@/lib/errors";

// Organisations where this person is the only active owner: they must hand them over (or
// delete the workspace) before leaving them or deleting their account.
export async function findSoleOwnerships(userId: string, orgId?: string, executor: Database | Transaction = db) {
  const others = executor
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, sql`${organizations.id}`),
        eq(memberships.role, "owner"),
        eq(memberships.status, "active"),
        ne(memberships.userId, userId),
      ),
    );
  return executor
    .select({ id: organizations.id, name: organizations.name, slug: organizations.slug })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.role, "owner"),
        eq(memberships.status, "active"),
        orgId ? eq(memberships.organizationId, orgId) : undefined,
        sql`not exists (${others})`,
      ),
    );
}

export async function assertNotSoleOwner(userId: string, orgId?: string, executor: Database | Transaction = db) {
  if ((await findSoleOwnerships(userId, orgId, executor)).length) throw new AppError("conflict", "Hand the organisation over to another owner first");
}
