import { eq } from "drizzle-orm";
import { db, type Database, type Transaction } from "@/db/client";
import { auditLog, organizationLogos, organizations, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { emit } from "@/lib/jobs/outbox";
import { insertMemberships } from "@/lib/members/insert-memberships";
import type { Tenant } from "@/lib/tenancy";
import type { CreateOrganizationInput, UpdateOrganizationSettingsInput } from "./schemas";
import { getOrganizationSettings } from "./settings";

export async function createOrganizationWithOwner(userId: string, input: CreateOrganizationInput) {
  return db.transaction(async (tx) => {
    const [org] = await tx.insert(organizations).values(input).returning();
    const [user] = await tx.select().from(users).where(eq(users.id, userId));
    await insertMemberships(tx, org.id, [{ user, role: "owner", status: "active" }], "organization");
    return org;
  });
}

// Admin actions (role changes, removals, settings) leave a trace; written in the same
// transaction as the change so a rolled-back change leaves no entry.
export async function recordAudit(
  tx: Database | Transaction,
  tenant: Tenant,
  action: string,
  targetId: string | null,
  details?: Record<string, unknown>,
) {
  await tx.insert(auditLog).values({ organizationId: tenant.orgId, actorUserId: tenant.userId, action, targetId, details });
}

export async function getOrganizationProfile(tenant: Tenant) {
  const [settings, [logo]] = await Promise.all([
    getOrganizationSettings(tenant),
    db.select({ updatedAt: organizationLogos.updatedAt }).from(organizationLogos).where(eq(organizationLogos.organizationId, tenant.orgId)),
  ]);
  const logoUpdatedAt = logo?.updatedAt ?? null;
  // The version in the URL lets browsers cache a logo until it is replaced.
  const logoSrc = logoUpdatedAt ? `/api/orgs/${settings.slug}/logo?v=${logoUpdatedAt.getTime()}` : null;
  return { ...settings, logoUpdatedAt, logoSrc };
}

export async function updateOrganizationSettings(tenant: Tenant, input: UpdateOrganizationSettingsInput) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(organizations).where(eq(organizations.id, tenant.orgId)).for("update");
    if (!before) throw new AppError("not_found", "Organisation not found");
    const [org] = await tx.update(organizations).set(input).where(eq(organizations.id, tenant.orgId)).returning();
    const changed = (Object.keys(input) as (keyof UpdateOrganizationSettingsInput)[]).filter((k) => before[k] !== input[k]);
    if (changed.length) await recordAudit(tx, tenant, "organization.settings_updated", org.id, { fields: changed });
    // Days and hours of the analytics are the organisation's: they are recounted on the new clock.
    if (before.timeZone !== org.timeZone) await emit(tx, { type: "organization.time_zone.changed", orgId: org.id, payload: { from: before.timeZone, to: org.timeZone } });
    return org;
  });
}

export async function saveOrganizationLogo(tenant: Tenant, logo: { content: Buffer; contentType: string }) {
  await db.transaction(async (tx) => {
    const values = { ...logo, byteSize: logo.content.byteLength, updatedAt: new Date() };
    await tx
      .insert(organizationLogos)
      .values({ organizationId: tenant.orgId, ...values })
      .onConflictDoUpdate({ target: organizationLogos.organizationId, set: values });
    await recordAudit(tx, tenant, "organization.logo_updated", tenant.orgId, { contentType: logo.contentType, byteSize: values.byteSize });
  });
}

export async function deleteOrganizationLogo(tenant: Tenant) {
  await db.transaction(async (tx) => {
    const removed = await tx.delete(organizationLogos).where(eq(organizationLogos.organizationId, tenant.orgId)).returning({ id: organizationLogos.organizationId });
    if (removed.length) await recordAudit(tx, tenant, "organization.logo_removed", tenant.orgId);
  });
}

export async function getOrganizationLogo(tenant: Tenant) {
  const [logo] = await db
    .select({ content: organizationLogos.content, contentType: organizationLogos.contentType, updatedAt: organizationLogos.updatedAt })
    .from(organizationLogos)
    .where(eq(organizationLogos.organizationId, tenant.orgId));
  return logo ?? null;
}
