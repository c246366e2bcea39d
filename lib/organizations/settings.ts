import { eq } from "drizzle-orm";
import { db, type Database, type Transaction } from "@/db/client";
import { organizations } from "@/db/schema";
import type { Locale } from "@/db/schema/enums";
import { AppError } from "@/lib/errors";
import type { Tenant } from "@/lib/tenancy";

const settingsColumns = {
  id: organizations.id,
  name: organizations.name,
  slug: organizations.slug,
  defaultLocale: organizations.defaultLocale,
  brandColor: organizations.brandColor,
  timeZone: organizations.timeZone,
};

// The settings other domains format and write by (time zone, language, brand), read here
// only: posts, calendar, feed and the rest depend on organizations, never on each other.
export async function getOrganizationSettings(tenant: Pick<Tenant, "orgId">, executor: Database | Transaction = db) {
  const [row] = await executor.select(settingsColumns).from(organizations).where(eq(organizations.id, tenant.orgId));
  if (!row) throw new AppError("not_found", "Organisation not found");
  return row;
}
export type OrganizationSettings = Awaited<ReturnType<typeof getOrganizationSettings>>;

export async function getOrganizationLocaleBySlug(slug: string): Promise<Locale | null> {
  const [row] = await db.select({ locale: organizations.defaultLocale }).from(organizations).where(eq(organizations.slug, slug));
  return row?.locale ?? null;
}
