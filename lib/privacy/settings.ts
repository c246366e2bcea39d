import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { privacySettings } from "@/db/schema";
import type { Tenant } from "@/lib/tenancy";
import { RETENTION_DEFAULTS, type UpdatePrivacySettingsInput } from "./schemas";

export type RetentionSettings = { [K in keyof typeof RETENTION_DEFAULTS]: number } & { privacyNoticeUrl: string | null };

export async function getPrivacySettings(tenant: Pick<Tenant, "orgId">): Promise<RetentionSettings> {
  const [row] = await db.select().from(privacySettings).where(eq(privacySettings.organizationId, tenant.orgId));
  if (!row) return { ...RETENTION_DEFAULTS, privacyNoticeUrl: null };
  const { importFileDays, expiredInviteDays, clickDetailMonths, auditLogYears, privacyNoticeUrl } = row;
  return { importFileDays, expiredInviteDays, clickDetailMonths, auditLogYears, privacyNoticeUrl };
}

export async function updatePrivacySettings(tenant: Tenant, input: UpdatePrivacySettingsInput) {
  await db
    .insert(privacySettings)
    .values({ organizationId: tenant.orgId, ...input })
    .onConflictDoUpdate({ target: privacySettings.organizationId, set: input });
  return getPrivacySettings(tenant);
}
