import { and, eq, isNotNull, lt, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { organizations, personalDataExports } from "@/db/schema";
import { deleteObject } from "@/lib/storage";
import { eraseAccountIfDue, findDueAccountDeletions } from "./delete-account";
import { getPrivacySettings, type RetentionSettings } from "./settings";

export type RetentionCounts = { importFiles: number; joinClaims: number; invitations: number; clickDetails: number; auditEntries: number };

const count = (result: { count: number }) => result.count;

// One organisation's settings, applied at `now`. Every statement only touches rows not yet
// treated (a file not yet emptied, details not yet dropped), so a second run changes nothing.
// The click statement filters by date only: it works on the clicks table however it is
// partitioned.
export async function applyRetention(orgId: string, settings: RetentionSettings, now = new Date()): Promise<RetentionCounts> {
  const at = sql`${now.toISOString()}::timestamptz`;
  return db.transaction(async (tx) => ({
    importFiles: count(
      await tx.execute(sql`update imports set content = '' where organization_id = ${orgId} and status in ('completed', 'failed')
        and finished_at <= ${at} - make_interval(days => ${settings.importFileDays}) and content <> ''`),
    ),
    joinClaims: count(
      await tx.execute(sql`delete from join_claims where organization_id = ${orgId}
        and least(expires_at, coalesce(completed_at, expires_at)) < ${at} - make_interval(days => ${settings.expiredInviteDays})`),
    ),
    invitations: count(
      await tx.execute(sql`delete from invitations where organization_id = ${orgId} and accepted_at is null
        and expires_at < ${at} - make_interval(days => ${settings.expiredInviteDays})`),
    ),
    clickDetails: count(
      await tx.execute(sql`update clicks set visitor_hash = '', referrer_domain = null, browser_family = null, device_class = 'other'
        where organization_id = ${orgId} and clicked_at < ${at} - make_interval(months => ${settings.clickDetailMonths}) and visitor_hash <> ''`),
    ),
    auditEntries: count(
      await tx.execute(sql`delete from audit_log where organization_id = ${orgId} and created_at < ${at} - make_interval(years => ${settings.auditLogYears})`),
    ),
  }));
}

// The daily job: every organisation, then accounts whose grace period ended, then export
// files whose link expired.
export async function applyAllRetention(now = new Date()) {
  const orgs = await db.select({ id: organizations.id }).from(organizations);
  for (const org of orgs) await applyRetention(org.id, await getPrivacySettings({ orgId: org.id }), now);
  for (const { userId } of await findDueAccountDeletions(now)) {
    await eraseAccountIfDue(userId, now).catch((error) => console.warn("[privacy] account not erased yet", userId, error?.message));
  }
  const expired = await db
    .select()
    .from(personalDataExports)
    .where(and(isNotNull(personalDataExports.storageKey), lt(personalDataExports.expiresAt, now)));
  for (const row of expired) {
    await deleteObject(`${row.storageKey}.json`);
    await deleteObject(`${row.storageKey}.zip`);
    await db.update(personalDataExports).set({ storageKey: null }).where(eq(personalDataExports.id, row.id));
  }
  return { organizations: orgs.length };
}
