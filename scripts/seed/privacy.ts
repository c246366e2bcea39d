import { and, eq, isNotNull } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { consents, memberships, privacySettings, users } from "@/db/schema";
import { JOIN_CONSENT_VERSION } from "@/lib/privacy/schemas";

const NOTICE = "https://www.otstcfq.org/politique-de-confidentialite/";

// The Ordre's retention choices (click details kept a year rather than the default 13 months)
// and its privacy notice, and the consent each member who came through an invite link gave on
// the join page the day they joined.
export async function seedPrivacy(db: Database | Transaction, orgId: string, log: (m: string) => void) {
  await db.insert(privacySettings).values({ organizationId: orgId, importFileDays: 0, expiredInviteDays: 30, clickDetailMonths: 12, auditLogYears: 3, privacyNoticeUrl: NOTICE }).onConflictDoNothing();
  const joined = await db
    .select({ userId: memberships.userId, email: users.email, joinedAt: memberships.joinedAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, orgId), isNotNull(memberships.inviteLinkId)));
  if (joined.length) {
    await db.insert(consents).values(joined.map((m) => ({ organizationId: orgId, userId: m.userId, email: m.email, purpose: "join", textVersion: JOIN_CONSENT_VERSION, privacyNoticeUrl: NOTICE, givenAt: m.joinedAt })));
  }
  log(`Privacy: retention settings, notice, ${joined.length} join consents.`);
}
