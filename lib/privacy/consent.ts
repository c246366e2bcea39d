import { db } from "@/db/client";
import { consents } from "@/db/schema";
import { JOIN_CONSENT_VERSION } from "./schemas";
import { getPrivacySettings } from "./settings";


// A join's consent, with the organisation's privacy notice as it was at that moment. Someone
// signed out has no user yet: the email they typed stands for them until the magic link.
export async function recordJoinConsent(values: { orgId: string; email: string; userId?: string }) {
  const { privacyNoticeUrl } = await getPrivacySettings({ orgId: values.orgId });
  const [row] = await db
    .insert(consents)
    .values({ organizationId: values.orgId, userId: values.userId, email: values.email.toLowerCase(), purpose: "join", textVersion: JOIN_CONSENT_VERSION, privacyNoticeUrl })
    .returning();
  return row;
}
