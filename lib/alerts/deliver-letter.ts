import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { alertLetters, alertTargets, users, memberships } from "@/db/schema";
import { sendEmail } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import { bounceReason, messageIdFor, type Bounce } from "@/lib/notifications/bounces";
import { CONFIGURED_LIMITS } from "@/lib/rate-limit/limits";
import { waitForSlot } from "@/lib/rate-limit/rate-limit";
import { publishAlertStats } from "./stats";

// Sends one letter Relais was asked to send: from Relais, Reply-To the member, to the
// decision-maker, at most LETTERS_PER_TARGET_PER_HOUR to one address. Claimed before
// sending (pending → sending), so a retried job never sends it twice. A full quota throws:
// the job retries later with its backoff.
export async function deliverLetter(orgId: string, letterId: string) {
  const [claimed] = await db
    .update(alertLetters)
    .set({ status: "sending" })
    .where(and(eq(alertLetters.id, letterId), eq(alertLetters.organizationId, orgId), eq(alertLetters.status, "pending")))
    .returning();
  if (!claimed) return { sent: false };
  const [row] = await db
    .select({ to: alertTargets.email, name: users.name, email: users.email })
    .from(alertTargets)
    .innerJoin(memberships, eq(memberships.id, claimed.membershipId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(alertTargets.id, claimed.targetId));
  if (!row?.to) {
    await db.update(alertLetters).set({ status: "failed", error: "no address for this decision-maker" }).where(eq(alertLetters.id, letterId));
    return { sent: false };
  }
  if (!(await waitForSlot(CONFIGURED_LIMITS.lettersPerTarget(env().LETTERS_PER_TARGET_PER_HOUR), row.to, 0))) {
    await db.update(alertLetters).set({ status: "pending", error: "rate limited: too many letters to this address this hour" }).where(eq(alertLetters.id, letterId));
    throw new Error("Letters to this decision-maker are rate limited; retrying later");
  }
  try {
    await sendEmail({ to: row.to, messageId: messageIdFor(letterId), subject: claimed.subject, text: claimed.body, replyTo: row.name ? `${row.name} <${row.email}>` : row.email });
    await db.update(alertLetters).set({ status: "sent", sentAt: new Date(), error: null }).where(eq(alertLetters.id, letterId));
  } catch (error) {
    const e = error as Error & { responseCode?: number; response?: string };
    const reason = `smtp ${e.responseCode ?? ""} ${e.response ?? e.message}`.replace(/\s+/g, " ").trim().slice(0, 500);
    await db.update(alertLetters).set({ status: "failed", error: reason }).where(eq(alertLetters.id, letterId));
  }
  await publishAlertStats(orgId, claimed.alertId, { throttle: true });
  return { sent: true };
}

// A letter the decision-maker's server accepted and refused later: failed, with the reason,
// so the lead's count of letters per target is true. Once per bounce.
export async function recordLetterBounce(b: Bounce) {
  const [row] = await db
    .update(alertLetters)
    .set({ status: "failed", error: bounceReason(b) })
    .where(and(eq(alertLetters.id, b.rowId), eq(alertLetters.status, "sent")))
    .returning({ orgId: alertLetters.organizationId, alertId: alertLetters.alertId });
  return row ?? null;
}
