import { lte } from "drizzle-orm";
import { db } from "@/db/client";
import { joinClaims } from "@/db/schema";

// A join claim keeps what someone typed (email, name) until their magic link is used; past
// its expiry it can never be completed, so it goes, done or not. Runs for every organisation
// at once (a system sweep, like the publishing sweep).
export async function purgeExpiredJoinClaims(now = new Date()) {
  const removed = await db.delete(joinClaims).where(lte(joinClaims.expiresAt, now)).returning({ id: joinClaims.id });
  return removed.length;
}
