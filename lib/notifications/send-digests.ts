import { and, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { memberships, notificationDeliveries, organizations, users } from "@/db/schema";
import { env } from "@/lib/env";
import { getTranslator } from "@/lib/i18n/translator";
import { ADDRESS_BOUNCED, addressBounced, recordAddressBounce, refusedRecipient } from "./bounces";
import { sendNotificationEmail } from "./channels/email";
import { renderMessage } from "./message";
import { unsubscribeToken } from "./secrets";

type Row = { id: string; organization_id: string; user_id: string; kind: string; data: Record<string, string | number>; href: string | null };

// Members who chose a daily or weekly digest get one email listing what waited for it. The
// rows are claimed before sending (as every delivery), so a retried run sends none twice.
export async function sendDueDigests() {
  let emails = 0;
  for (;;) {
    const rows = (await db.execute(sql`
      update notification_deliveries set status = 'sending', claimed_at = now(), attempts = attempts + 1
      where id in (select id from notification_deliveries where status = 'pending' and digest and due_at <= now() order by user_id limit 2000 for update skip locked)
      returning id, organization_id, user_id, kind, data, href`)) as unknown as Row[];
    if (!rows.length) break;
    const groups = new Map<string, Row[]>();
    for (const r of rows) groups.set(`${r.organization_id}|${r.user_id}`, [...(groups.get(`${r.organization_id}|${r.user_id}`) ?? []), r]);
    for (const [key, items] of groups) {
      const [orgId, userId] = key.split("|");
      const [who] = await db
        .select({ email: users.email, bounced: addressBounced(), locale: users.locale, membershipId: memberships.id, orgName: organizations.name, slug: organizations.slug, brandColor: organizations.brandColor, defaultLocale: organizations.defaultLocale })
        .from(users)
        .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.organizationId, orgId)))
        .innerJoin(organizations, eq(organizations.id, orgId))
        .where(eq(users.id, userId));
      const ids = items.map((i) => i.id);
      if (!who) {
        await db.update(notificationDeliveries).set({ status: "skipped", error: "no longer a member" }).where(inArray(notificationDeliveries.id, ids));
        continue;
      }
      if (who.bounced) {
        await db.update(notificationDeliveries).set({ status: "failed", error: ADDRESS_BOUNCED }).where(inArray(notificationDeliveries.id, ids));
        continue;
      }
      const locale = who.locale ?? who.defaultLocale;
      const base = `${env().APP_URL.replace(/\/$/, "")}/${who.slug}/`;
      const lines = items.map((i) => renderMessage(i.kind, i.data, (i.href ?? "").replace(/^\//, ""), locale, base));
      const t = getTranslator(locale, "notifications.email");
      try {
        await sendNotificationEmail({
          to: who.email,
          locale,
          org: { name: who.orgName, brandColor: who.brandColor },
          urgent: false,
          unsubscribeUrl: new URL(`/unsubscribe/${unsubscribeToken(who.membershipId)}`, env().APP_URL).toString(),
          message: { title: t("digest_title", { count: items.length, org: who.orgName }), body: lines.map((l) => `• ${l.title}\n  ${l.url}`).join("\n"), url: base, action: lines[0].action },
        });
        await db.update(notificationDeliveries).set({ status: "sent", sentAt: new Date() }).where(inArray(notificationDeliveries.id, ids));
        emails++;
      } catch (error) {
        if (refusedRecipient(error)) await recordAddressBounce(userId, who.email, (error as Error).message);
        await db.update(notificationDeliveries).set({ status: "failed", error: (error as Error).message.slice(0, 500) }).where(inArray(notificationDeliveries.id, ids));
      }
    }
  }
  return { emails };
}
