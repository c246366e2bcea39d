import { and, count, desc, eq, inArray, isNull, lt, or } from "drizzle-orm";
import { db, type Database, type Transaction } from "@/db/client";
import { memberships, notifications, type Notification } from "@/db/schema";
import type { Role } from "@/db/schema/enums";
import { inOrg, type Tenant } from "@/lib/tenancy";

export const INBOX_PAGE_SIZE = 30;

// Active members of one organisation holding one of the roles (who reviews, say).
export async function findActiveUserIdsByRole(exec: Database | Transaction, orgId: string, roles: readonly Role[]) {
  const rows = await exec
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organizationId, orgId), eq(memberships.status, "active"), inArray(memberships.role, [...roles])));
  return rows.map((r) => r.userId);
}

const mine = (tenant: Tenant) => eq(notifications.userId, tenant.userId ?? "");

// Newest first; the cursor is the last row seen (created_at, id).
export async function findNotifications(tenant: Tenant, cursor?: { createdAt: Date; id: string } | null): Promise<Notification[]> {
  return db
    .select()
    .from(notifications)
    .where(
      inOrg(
        notifications,
        tenant,
        mine(tenant),
        cursor ? or(lt(notifications.createdAt, cursor.createdAt), and(eq(notifications.createdAt, cursor.createdAt), lt(notifications.id, cursor.id))) : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(INBOX_PAGE_SIZE);
}

export async function countUnreadNotifications(tenant: Tenant) {
  if (!tenant.userId) return 0;
  const [row] = await db.select({ n: count() }).from(notifications).where(inOrg(notifications, tenant, mine(tenant), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

// Marks one of the caller's notifications read; someone else's is a 404.
export async function markNotificationRead(tenant: Tenant, id: string) {
  const [row] = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(inOrg(notifications, tenant, mine(tenant), eq(notifications.id, id)))
    .returning({ href: notifications.href });
  return row ?? null;
}

export async function markAllNotificationsRead(tenant: Tenant) {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(inOrg(notifications, tenant, mine(tenant), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
