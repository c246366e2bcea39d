import { and, eq, lte } from "drizzle-orm";
import { db } from "@/db/client";
import { accountDeletions, memberships } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { erasePerson } from "./erase-person";
import { eraseAccountJob } from "./jobs";
import { assertNotSoleOwner } from "./last-owner";
import { identifyPerson } from "./person";

// Time to change one's mind: the account is erased once it has passed.
export const DELETION_GRACE_MS = 7 * 24 * 3600 * 1000;

export async function getAccountDeletion(userId: string) {
  const [row] = await db.select().from(accountDeletions).where(eq(accountDeletions.userId, userId));
  return row ?? null;
}

export async function requestAccountDeletion(userId: string, now = new Date()) {
  await assertNotSoleOwner(userId);
  const eraseAfter = new Date(now.getTime() + DELETION_GRACE_MS);
  const [row] = await db.insert(accountDeletions).values({ userId, requestedAt: now, eraseAfter }).onConflictDoNothing().returning();
  const deletion = row ?? (await getAccountDeletion(userId))!;
  // A lost job is harmless: the daily retention run erases every account whose time came.
  await eraseAccountJob.enqueue({ userId }, { jobId: `erase-account-${userId}`, delay: Math.max(0, deletion.eraseAfter.getTime() - Date.now()) }).catch((error) => {
    console.warn("[privacy] erase-account not enqueued; the daily run will do it", error);
  });
  return deletion;
}

export async function cancelAccountDeletion(userId: string) {
  const deleted = await db.delete(accountDeletions).where(eq(accountDeletions.userId, userId)).returning();
  if (!deleted.length) throw new AppError("not_found", "No deletion pending");
  return { cancelled: true };
}

// The job (and the daily run): erases the account if its grace period is over and it is
// still asked for; a cancelled or not yet due request, or an account already gone, is skipped.
export async function eraseAccountIfDue(userId: string, now = new Date()) {
  const [due] = await db.select().from(accountDeletions).where(and(eq(accountDeletions.userId, userId), lte(accountDeletions.eraseAfter, now)));
  if (!due) return { erased: false };
  // Became the last owner since asking (the other owner left): wait until handed over.
  await assertNotSoleOwner(userId);
  await erasePerson(await identifyPerson(userId));
  return { erased: true };
}

export async function findDueAccountDeletions(now = new Date()) {
  return db.select({ userId: accountDeletions.userId }).from(accountDeletions).where(lte(accountDeletions.eraseAfter, now));
}

// Leaving an organisation: keep the history (the membership is deactivated: past shares stay
// credited, an admin may let them back) or erase what this organisation holds about them.
export async function leaveOrganization(userId: string, orgId: string, choice: "keep" | "erase") {
  await assertNotSoleOwner(userId, orgId);
  if (choice === "keep") {
    await db.update(memberships).set({ status: "deactivated" }).where(and(eq(memberships.userId, userId), eq(memberships.organizationId, orgId)));
    return { left: true };
  }
  await erasePerson(await identifyPerson(userId, orgId));
  return { left: true };
}
