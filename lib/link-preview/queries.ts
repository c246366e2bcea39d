import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { organizations } from "@/db/schema";
import type { Tenant } from "@/lib/tenancy";

export async function getAllowPrivateLinkPreviews(tenant: Pick<Tenant, "orgId">) {
  const [row] = await db
    .select({ allow: organizations.allowPrivateLinkPreviews })
    .from(organizations)
    .where(eq(organizations.id, tenant.orgId));
  return row?.allow ?? false;
}

export async function setAllowPrivateLinkPreviews(tenant: Tenant, allow: boolean) {
  await db.update(organizations).set({ allowPrivateLinkPreviews: allow }).where(eq(organizations.id, tenant.orgId));
  return { allow };
}
