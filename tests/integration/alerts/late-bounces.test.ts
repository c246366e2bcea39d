import { and, eq } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { alertLetters, notificationDeliveries } from "@/db/schema";
import { sendLetter } from "@/lib/alerts/complete-action";
import { alertChunkJob, alertFanoutJob, alertLetterJob } from "@/lib/alerts/jobs";
import { findAlertActions } from "@/lib/alerts/queries";
import { createAlert } from "@/lib/alerts/save-alert";
import { alertFormSchema } from "@/lib/alerts/schemas";
import { alertStats } from "@/lib/alerts/stats";
import { deliverNotificationsJob } from "@/lib/notifications/jobs";
import { createMember, createOrg } from "@/tests/factories";
import { until, useSmtp } from "@/tests/integration/invitations/support";
import { dispatchOutbox, useWorker } from "@/tests/setup/jobs";

const SECRET = "bounce-secret-for-the-test-0123456789";
const BOUNCE_ADDRESS = "bounces@relais.example.test";

// A real SMTP server that accepts everything (the late hop refuses later), keeping the
// envelope sender each mail was sent with.
const smtp = await useSmtp();
process.env.NOTIFY_EMAIL_PER_S = "200";
process.env.EMAIL_BOUNCE_ADDRESS = BOUNCE_ADDRESS;
process.env.BOUNCE_WEBHOOK_SECRET = SECRET;

useWorker([alertFanoutJob, alertChunkJob, deliverNotificationsJob, alertLetterJob], ["notifications", "emails"]);

const mailTo = (address: string) => smtp.to(address).map((mail) => ({ envelopeFrom: smtp.envelopeFrom.get(mail), mail }));

// What Postfix sends back to the envelope sender when the next hop refuses the address: a
// multipart/report whose own Message-ID is the reporting MTA's, quoting the original headers.
function postfixDsn(original: ParsedMail, recipient: string, { action = "failed", status = "5.1.1" } = {}) {
  return [
    "From: MAILER-DAEMON@mx.example.test (Mail Delivery System)",
    `To: ${BOUNCE_ADDRESS}`,
    "Subject: Undelivered Mail Returned to Sender",
    "Message-ID: <20261201121500.4F2A1C0123@mx.example.test>",
    "MIME-Version: 1.0",
    'Content-Type: multipart/report; report-type=delivery-status; boundary="4F2A1C0123.1764591300/mx.example.test"',
    "",
    "--4F2A1C0123.1764591300/mx.example.test",
    "Content-Type: text/plain; charset=us-ascii",
    "",
    "This is the mail system at host mx.example.test.",
    "I'm sorry to have to inform you that your message could not be delivered.",
    "",
    "--4F2A1C0123.1764591300/mx.example.test",
    "Content-Type: message/delivery-status",
    "",
    "Reporting-MTA: dns; mx.example.test",
    "Arrival-Date: Tue,  1 Dec 2026 12:14:58 +0000 (UTC)",
    "",
    `Final-Recipient: rfc822; ${recipient}`,
    `Original-Recipient: rfc822;${recipient}`,
    `Action: ${action}`,
    `Status: ${status}`,
    `Diagnostic-Code: smtp; 550 ${status} <${recipient}>: Recipient address`,
    "    rejected: User unknown in virtual mailbox table",
    "",
    "--4F2A1C0123.1764591300/mx.example.test",
    "Content-Type: text/rfc822-headers",
    "",
    `Return-Path: <${BOUNCE_ADDRESS}>`,
    `Message-ID: ${original.messageId}`,
    `Subject: ${original.subject}`,
    "",
    "--4F2A1C0123.1764591300/mx.example.test--",
    "",
  ].join("\r\n");
}

async function post(body: string, { contentType = "message/rfc822", secret = SECRET }: { contentType?: string; secret?: string | null } = {}) {
  const { POST } = await import("@/app/api/email/bounces/route");
  const headers: Record<string, string> = { "content-type": contentType };
  if (secret) headers.authorization = `Bearer ${secret}`;
  const res = await POST(new NextRequest("http://localhost:3000/api/email/bounces", { method: "POST", body, headers }));
  return { status: res.status, body: await res.json() };
}

const letterTarget = { name: "Mme la députée", email: "deputee-bounce@assnat.example.test" };

describe("late bounces", () => {
  let ctx: { orgId: string; alertId: string; fr: Awaited<ReturnType<typeof createMember>>; en: Awaited<ReturnType<typeof createMember>> };
  beforeAll(async () => {
    const org = await createOrg();
    const lead = await createMember(org, { role: "lead", locale: "fr" });
    const fr = await createMember(org, { role: "advocate", locale: "fr" });
    const en = await createMember(org, { role: "staff", locale: "en" });
    const input = alertFormSchema.parse({
      titleFr: "Le projet de loi 23 est en commission demain",
      titleEn: "Bill 23 is in committee tomorrow",
      messageFr: "Écrivez à votre député·e.",
      messageEn: "Email your MNA.",
      channels: ["in_app", "email"],
      urgent: "on",
      email: "on",
      emailSubject: "Projet de loi 23",
      emailLetter: "Madame la députée,\n\nVotez contre.",
      emailSendMode: "relais",
      emailMatchBy: "all",
      emailTargets: `name,title,email,phone,district\n${letterTarget.name},Députée,${letterTarget.email},,Laurier-Dorion`,
    });
    const { id } = await createAlert(lead.tenant, input);
    await dispatchOutbox();
    await until(
      () => db.select().from(notificationDeliveries).where(eq(notificationDeliveries.dedupeKey, `alert-${id}`)),
      (rows) => rows.length === 3 && rows.every((r) => r.status === "sent"),
      30_000,
    );
    ctx = { orgId: org.id, alertId: id, fr, en };
  }, 60_000);

  const deliveryOf = async (userId: string) => (await db.select().from(notificationDeliveries).where(and(eq(notificationDeliveries.dedupeKey, `alert-${ctx.alertId}`), eq(notificationDeliveries.userId, userId))))[0];

  it("sends each alert email from the bounce address, with a Message-ID naming its delivery", async () => {
    const [{ envelopeFrom, mail }] = mailTo(ctx.fr.user.email);
    expect(envelopeFrom).toBe(BOUNCE_ADDRESS);
    expect(mail.messageId).toBe(`<${(await deliveryOf(ctx.fr.user.id)).id}@localhost>`);
  });

  it("records a DSN's permanent failure on the delivery it names, with its reason, once, and shows it to the lead", async () => {
    const [{ mail }] = mailTo(ctx.fr.user.email);
    const dsn = postfixDsn(mail, ctx.fr.user.email);
    expect(await post(dsn)).toEqual({ status: 200, body: { recorded: true } });
    const row = await deliveryOf(ctx.fr.user.id);
    const reason = `bounce 5.1.1: 550 5.1.1 <${ctx.fr.user.email}>: Recipient address rejected: User unknown in virtual mailbox table`;
    expect([row.status, row.error]).toEqual(["failed", reason]);
    const stats = await alertStats({ orgId: ctx.orgId }, ctx.alertId);
    expect(stats.failures).toContainEqual({ channel: "email", error: reason, count: 1 });
    expect(stats.channels.find((c) => c.channel === "email")?.failed).toBe(1);
    // The mail system sends the same report again: nothing more.
    expect(await post(dsn)).toEqual({ status: 202, body: { recorded: false } });
    expect((await alertStats({ orgId: ctx.orgId }, ctx.alertId)).channels.find((c) => c.channel === "email")?.failed).toBe(1);
  });

  it("leaves the delivery sent on a delay report", async () => {
    const [{ mail }] = mailTo(ctx.en.user.email);
    expect(await post(postfixDsn(mail, ctx.en.user.email, { action: "delayed", status: "4.4.1" }))).toEqual({ status: 202, body: { recorded: false } });
    expect((await deliveryOf(ctx.en.user.id)).status).toBe("sent");
  });

  it("refuses a report without the secret or with another one, and records nothing", async () => {
    const [{ mail }] = mailTo(ctx.en.user.email);
    const dsn = postfixDsn(mail, ctx.en.user.email);
    expect((await post(dsn, { secret: null })).status).toBe(401);
    expect((await post(dsn, { secret: `${SECRET}x` })).status).toBe(401);
    expect((await deliveryOf(ctx.en.user.id)).status).toBe("sent");
  });

  it("ignores a report about a mail Relais did not send", async () => {
    const [{ mail }] = mailTo(ctx.en.user.email);
    const foreign = { ...mail, messageId: `<${(await deliveryOf(ctx.en.user.id)).id}@elsewhere.example.test>` } as ParsedMail;
    expect(await post(postfixDsn(foreign, ctx.en.user.email))).toEqual({ status: 202, body: { recorded: false } });
    expect((await deliveryOf(ctx.en.user.id)).status).toBe("sent");
  });

  it("records a letter's late bounce posted as JSON by a relay's webhook, and the lead's count per target shows it", async () => {
    const [action] = await findAlertActions({ orgId: ctx.orgId }, ctx.alertId);
    await sendLetter(ctx.en.tenant, { actionId: action.id, subject: "Projet de loi 23", body: "Madame la députée, votez contre.", targetId: null });
    await dispatchOutbox();
    const [{ mail }] = await until(() => Promise.resolve(mailTo(letterTarget.email)), (mails) => mails.length === 1);
    await until(() => db.select().from(alertLetters).where(eq(alertLetters.alertId, ctx.alertId)), (rows) => rows[0]?.status === "sent");

    expect(await post(JSON.stringify({ messageId: "not-ours@localhost", reason: "mailbox full" }), { contentType: "application/json" })).toEqual({ status: 202, body: { recorded: false } });
    expect((await post(JSON.stringify({ messageId: mail.messageId, status: "5.2.2", reason: "" }), { contentType: "application/json" })).status).toBe(400);
    expect(await post(JSON.stringify({ messageId: mail.messageId, status: "5.2.2", reason: "552 5.2.2 Mailbox full" }), { contentType: "application/json" })).toEqual({ status: 200, body: { recorded: true } });

    const [letter] = await db.select().from(alertLetters).where(eq(alertLetters.alertId, ctx.alertId));
    expect([letter.status, letter.error]).toEqual(["failed", "bounce 5.2.2: 552 5.2.2 Mailbox full"]);
    const stats = await alertStats({ orgId: ctx.orgId }, ctx.alertId);
    expect(stats.letters.find((l) => l.name === letterTarget.name)).toMatchObject({ failed: 1 });
  });
});
