import { and, eq, inArray } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { emailBounces, notificationDeliveries, users } from "@/db/schema";
import { alertChunkJob, alertFanoutJob } from "@/lib/alerts/jobs";
import { createAlert } from "@/lib/alerts/save-alert";
import { alertFormSchema } from "@/lib/alerts/schemas";
import { alertStats } from "@/lib/alerts/stats";
import { ADDRESS_BOUNCED, findEmailBounce } from "@/lib/notifications/bounces";
import { deliverNotificationsJob } from "@/lib/notifications/jobs";
import { savePreferencesAction } from "@/lib/notifications/preference-actions";
import { sendDueDigests } from "@/lib/notifications/send-digests";
import type { Tenant } from "@/lib/tenancy";
import { createMember, createOrg } from "@/tests/factories";
import { until, useSmtp } from "@/tests/integration/invitations/support";
import { dispatchOutbox, useWorker } from "@/tests/setup/jobs";
import { actAs } from "@/tests/setup/request-context";

const SECRET = "bounce-secret-for-the-hard-bounce-test-0123";
const BOUNCE_ADDRESS = "bounces@relais.example.test";

// A real SMTP server. It refuses the addresses in `refused` at RCPT TO (550, as a mailbox that
// does not exist), accepts the rest, and keeps every recipient it was offered.
const refused = new Set<string>();
const smtp = await useSmtp({ refuse: (address) => refused.has(address) });
process.env.NOTIFY_EMAIL_PER_S = "200";
process.env.EMAIL_BOUNCE_ADDRESS = BOUNCE_ADDRESS;
process.env.BOUNCE_WEBHOOK_SECRET = SECRET;

useWorker([alertFanoutJob, alertChunkJob, deliverNotificationsJob], ["notifications"]);

const mailsTo = smtp.to;
const offersTo = smtp.offersTo;

// A late report for a mail the SMTP server accepted (Postfix's DSN, quoting its Message-ID).
function dsn(original: ParsedMail, recipient: string) {
  return [
    "From: MAILER-DAEMON@mx.example.test (Mail Delivery System)",
    `To: ${BOUNCE_ADDRESS}`,
    "Subject: Undelivered Mail Returned to Sender",
    "MIME-Version: 1.0",
    'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
    "",
    "--B",
    "Content-Type: message/delivery-status",
    "",
    "Reporting-MTA: dns; mx.example.test",
    "",
    `Final-Recipient: rfc822; ${recipient}`,
    "Action: failed",
    "Status: 5.1.1",
    `Diagnostic-Code: smtp; 550 5.1.1 <${recipient}>: User unknown`,
    "",
    "--B",
    "Content-Type: text/rfc822-headers",
    "",
    `Message-ID: ${original.messageId}`,
    "",
    "--B--",
    "",
  ].join("\r\n");
}

async function postReport(body: string) {
  const { POST } = await import("@/app/api/email/bounces/route");
  const res = await POST(new NextRequest("http://localhost:3000/api/email/bounces", { method: "POST", body, headers: { "content-type": "message/rfc822", authorization: `Bearer ${SECRET}` } }));
  return res.status;
}

async function sendAlert(lead: Tenant, title: string) {
  const input = alertFormSchema.parse({ titleFr: title, titleEn: title, messageFr: "Écrivez à votre député·e.", messageEn: "Email your MNA.", channels: ["in_app", "email"], urgent: "on", link: "on", linkUrl: "https://petition.example.org/projet-23" });
  const { id } = await createAlert(lead, input);
  await dispatchOutbox();
  return id;
}

const emailDeliveries = (alertId: string, orgId: string) =>
  db.select().from(notificationDeliveries).where(and(eq(notificationDeliveries.organizationId, orgId), eq(notificationDeliveries.dedupeKey, `alert-${alertId}`), eq(notificationDeliveries.channel, "email")));

const settled = (alertId: string, orgId: string, count: number) =>
  until(() => emailDeliveries(alertId, orgId), (rows) => rows.length === count && rows.every((r) => r.status === "sent" || r.status === "failed"), 30_000);

describe("a hard-bounced address gets no more mail", () => {
  let org: Awaited<ReturnType<typeof createOrg>>;
  let lead: Awaited<ReturnType<typeof createMember>>;
  let refusedNow: Awaited<ReturnType<typeof createMember>>;
  let refusedLater: Awaited<ReturnType<typeof createMember>>;
  let fine: Awaited<ReturnType<typeof createMember>>;
  const address = (m: { user: { email: string } }) => m.user.email.toLowerCase();

  beforeAll(async () => {
    org = await createOrg();
    lead = await createMember(org, { role: "lead", locale: "fr" });
    refusedNow = await createMember(org, { role: "advocate", locale: "fr" });
    refusedLater = await createMember(org, { role: "staff", locale: "en" });
    fine = await createMember(org, { role: "staff", locale: "en" });
    refused.add(address(refusedNow));
  });

  it("records the address of a mail refused while sending, and of one a later report says bounced", async () => {
    const first = await sendAlert(lead.tenant, "Vote demain");
    const rows = await settled(first, org.id, 4);
    const byUser = new Map(rows.map((r) => [r.userId, r]));
    expect(byUser.get(refusedNow.user.id)).toMatchObject({ status: "failed", error: expect.stringMatching(/^smtp 550 .*User unknown/) });
    expect(await findEmailBounce(refusedNow.user.id)).toMatchObject({ email: address(refusedNow), reason: expect.stringContaining("User unknown") });

    // The mail to the other one was accepted; its late bounce comes back as a DSN.
    expect(await findEmailBounce(refusedLater.user.id)).toBeNull();
    const [mail] = mailsTo(refusedLater.user.email);
    expect(await postReport(dsn(mail, refusedLater.user.email))).toBe(200);
    expect(await findEmailBounce(refusedLater.user.id)).toMatchObject({ email: address(refusedLater), reason: `bounce 5.1.1: 550 5.1.1 <${refusedLater.user.email}>: User unknown` });
    expect(await findEmailBounce(fine.user.id)).toBeNull();
  });

  it("sends the next alert to neither, records why on their deliveries and shows it to the lead", async () => {
    const offeredBefore = [offersTo(refusedNow.user.email), mailsTo(refusedLater.user.email).length, mailsTo(fine.user.email).length];
    const second = await sendAlert(lead.tenant, "Vote aujourd'hui");
    const rows = await settled(second, org.id, 4);
    const byUser = new Map(rows.map((r) => [r.userId, r]));
    for (const m of [refusedNow, refusedLater]) expect([byUser.get(m.user.id)?.status, byUser.get(m.user.id)?.error]).toEqual(["failed", ADDRESS_BOUNCED]);
    expect(byUser.get(fine.user.id)?.status).toBe("sent");
    // Nothing reached the SMTP server for the bounced addresses; the third member got the alert.
    expect([offersTo(refusedNow.user.email), mailsTo(refusedLater.user.email).length, mailsTo(fine.user.email).length]).toEqual([offeredBefore[0], offeredBefore[1], offeredBefore[2] + 1]);
    const stats = await alertStats({ orgId: org.id }, second);
    expect(stats.failures).toContainEqual({ channel: "email", error: ADDRESS_BOUNCED, count: 2 });
  });

  it("sends no digest to a bounced address either", async () => {
    const [row] = await db
      .insert(notificationDeliveries)
      .values({ organizationId: org.id, userId: refusedLater.user.id, channel: "email", kind: "post_published", dedupeKey: `post-hard-bounce-${refusedLater.user.id}`, data: { title_fr: "Un article", title_en: "A post" }, href: "/feed", digest: true, dueAt: new Date(Date.now() - 60_000) })
      .returning();
    const mailsBefore = mailsTo(refusedLater.user.email).length;
    await sendDueDigests();
    const [after] = await db.select().from(notificationDeliveries).where(eq(notificationDeliveries.id, row.id));
    expect([after.status, after.error]).toEqual(["failed", ADDRESS_BOUNCED]);
    expect(mailsTo(refusedLater.user.email).length).toBe(mailsBefore);
  });

  it("mails them again once one asks for email again in their preferences and the other's address changes", async () => {
    // Saving preferences without ticking the box changes nothing.
    await actAs(refusedLater.user.id);
    expect(await savePreferencesAction({ org: org.slug, channels: ["email"], emailSubscribed: "on", postDigest: "immediate" })).toMatchObject({ ok: true });
    expect(await findEmailBounce(refusedLater.user.id)).not.toBeNull();
    expect(await savePreferencesAction({ org: org.slug, channels: ["email"], emailSubscribed: "on", emailRetry: "on", postDigest: "immediate" })).toMatchObject({ ok: true });
    expect(await findEmailBounce(refusedLater.user.id)).toBeNull();

    // A new address: the bounce names the old one, which no longer stops anything.
    const newAddress = `nouvelle-${refusedNow.user.id}@example.test`;
    await db.update(users).set({ email: newAddress }).where(eq(users.id, refusedNow.user.id));
    expect(await findEmailBounce(refusedNow.user.id)).toBeNull();
    expect(await db.select({ email: emailBounces.email }).from(emailBounces).where(inArray(emailBounces.userId, [refusedNow.user.id]))).toEqual([{ email: address(refusedNow) }]);

    const third = await sendAlert(lead.tenant, "Merci d'avoir agi");
    const rows = await settled(third, org.id, 4);
    expect(rows.map((r) => r.status)).toEqual(["sent", "sent", "sent", "sent"]);
    expect(mailsTo(newAddress)).toHaveLength(1);
    expect(mailsTo(refusedLater.user.email).at(-1)?.subject).toContain("Merci d'avoir agi");
  });
});
