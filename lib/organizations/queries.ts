import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { memberships, organizations, users } from "@/db/schema";
import type { Locale, Role } from "@/db/schema/enums";
import type { CreateOrganizationInput } from "./schemas";

export async function getOrganizationLocaleBySlug(slug: string): Promise<Locale | null> {
  const [row] = await db
    .select({ locale: organizations.defaultLocale })
    .from(organizations)
    .where(eq(organizations.slug, slug));
  return row?.locale ?? null;
}

export function memberSearchText(user: { name?: string | null; email: string }) {
  return `${user.name ?? ""} ${user.email}`.toLowerCase().trim();
}

export async function createOrganizationWithOwner(userId: string, input: CreateOrganizationInput) {
  return db.transaction(async (tx) => {
    const [org] = await tx.insert(organizations).values(input).returning();
    const [user] = await tx.select().from(users).where(eq(users.id, userId));
    await tx.insert(memberships).values({
      organizationId: org.id,
      userId,
      role: "owner" satisfies Role,
      searchText: memberSearchText(user),
    });
    return org;
  });
}
