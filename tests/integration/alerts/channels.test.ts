import { eq, and } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { alertLetters, notificationDeliveries, notificationPreferences, notifications, outboxEvents, pushSubscriptions } from "@/db/schema";
import { alertChunkJob, alertFanoutJob, alertLetterJob } from "@/lib/alerts/jobs";
import { completeAction, sendLetter, setDistrict } from "@/lib/alerts/complete-action";
import { createAlert } from "@/lib/alerts/save-alert";
import { alertFormSchema } from "@/lib/alerts/schemas";
import { alertStats } from "@/lib/alerts/stats";
import { deliverNotificationsJob } from "@/lib/notifications/jobs";
import { createMember, createOrg } from "@/tests/factories";
import { createChatWebhook } from "@/tests/factories/alerts";
import { until, useSmtp } from "@/tests/integration/invitations/support";
import { dispatchOutbox, useWorker } from "@/tests/setup/jobs";
import { pushKeys, startHttpSink } from "./servers";

// Real servers: an SMTP server, a local HTTP server for Slack, Teams and the push service.
const smtp = await useSmtp();
process.env.NOTIFY_EMAIL_PER_S = "200";
const sink = await startHttpSink();
afterAll(() => sink.close());

useWorker([alertFanoutJob, alertChunkJob, deliverNotificationsJob, alertLetterJob], ["notifications", "emails"]);

// The header as sent (mailparser folds List-* headers into one structured "list" header).
const header = (mail: ParsedMail, name: string) => mail.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, "");
const unsubscribeUrl = (mail: ParsedMail) => /^<([^>]+)>$/.exec(header(mail, "list-unsubscribe") ?? "")?.[1] ?? "";

const letterTarget = { name: "Mme la députée", email: "deputee-laurier@assnat.example.test", district: "Laurier-Dorion" };

async function setUp() {
  const org = await createOrg({ name: "Fédération des enseignants", brandColor: "#b91c1c" });
  const lead = await createMember(org, { role: "lead", locale: "fr" });
  const fr = await createMember(org, { role: "advocate", locale: "fr" });
  const en = await createMember(org, { role: "staff", locale: "en" });
  await createChatWebhook(org, "slack", `${sink.base}/slack/hook`);
  await createChatWebhook(org, "teams", `${sink.base}/teams/hook`);
  const keys = pushKeys();
  await db.insert(pushSubscriptions).values([
    { organizationId: org.id, userId: en.user.id, endpoint: `${sink.base}/push/${en.user.id}`, p256dh: keys.p256dh, auth: keys.auth },
    { organizationId: org.id, userId: en.user.id, endpoint: `${sink.base}/push/gone/${en.user.id}`, p256dh: keys.p256dh, auth: keys.auth },
  ]);
  const input = alertFormSchema.parse({
    titleFr: "Le projet de loi 23 est en commission demain",
    titleEn: "Bill 23 is in committee tomorrow",
    messageFr: "Écrivez à votre député·e avant 9 h.",
    messageEn: "Email your member of the National Assembly before 9 a.m.",
    channels: ["in_app", "email", "push", "slack", "teams"],
    urgent: "on",
    email: "on",
    emailSubject: "Projet de loi 23",
    emailLetter: "Madame la députée,\n\nJe vous demande de voter contre le projet de loi 23.",
    emailSendMode: "relais",
    emailMatchBy: "district",
    emailTargets: `name,title,email,phone,district\n${letterTarget.name},Députée,${letterTarget.email},,${letterTarget.district}\nM. le député,Député,depute-autre@assnat.example.test,,Rosemont`,
  });
  const { id } = await createAlert(lead.tenant, input);
  await dispatchOutbox();
  return { org, lead, fr, en, keys, alertId: id };
}

describe("an alert on every channel", () => {
  let ctx: Awaited<ReturnType<typeof setUp>>;
  beforeAll(async () => {
    ctx = await setUp();
    await until(
      () => db.select().from(notificationDeliveries).where(eq(notificationDeliveries.dedupeKey, `alert-${ctx.alertId}`)),
      (rows) => rows.length > 0 && rows.every((r) => r.status !== "pending" && r.status !== "sending"),
      30_000,
    );
  }, 60_000);

  it("puts one unread inbox entry in each member's inbox", async () => {
    const rows = await db.select().from(notifications).where(eq(notifications.dedupeKey, `alert-${ctx.alertId}`));
    expect(rows.map((r) => r.userId).sort()).toEqual([ctx.lead.user.id, ctx.fr.user.id, ctx.en.user.id].sort());
    expect(rows.every((r) => r.readAt === null)).toBe(true);
  });

  it("emails each member once, in their language, HTML and text, with one-click unsubscribe headers", async () => {
    for (const m of [ctx.lead, ctx.fr, ctx.en]) expect(smtp.to(m.user.email)).toHaveLength(1);
    const [fr] = smtp.to(ctx.fr.user.email);
    const [en] = smtp.to(ctx.en.user.email);
    expect(fr.subject).toContain("Le projet de loi 23 est en commission demain");
    expect(en.subject).toContain("Bill 23 is in committee tomorrow");
    expect(en.text).toContain("Email your member of the National Assembly");
    expect(en.html).toContain("#b91c1c");
    expect(fr.html).toContain("Écrivez à votre député·e");
    expect(header(fr, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const url = unsubscribeUrl(fr);
    expect(url).toMatch(/^http:\/\/localhost:3000\/unsubscribe\//);
    expect(fr.text).toContain(url);
  });

  it("unsubscribes with the one-click POST from the email's header; a forged token does nothing", async () => {
    const [fr] = smtp.to(ctx.fr.user.email);
    const url = unsubscribeUrl(fr);
    const token = url.split("/unsubscribe/")[1];
    const { POST } = await import("@/app/unsubscribe/[token]/route");
    const res = await POST(new NextRequest(url, { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } }), { params: Promise.resolve({ token }) });
    expect(res.status).toBe(200);
    const [prefs] = await db.select().from(notificationPreferences).where(eq(notificationPreferences.membershipId, ctx.fr.membership.id));
    expect(prefs.emailUnsubscribedAt).not.toBeNull();
    const forged = await POST(new NextRequest(`${url}x`, { method: "POST" }), { params: Promise.resolve({ token: `${token}x` }) });
    expect(forged.status).toBe(404);
  });

  it("posts the alert once to Slack and once to Teams", () => {
    const slack = sink.received.filter((r) => r.path === "/slack/hook");
    const teams = sink.received.filter((r) => r.path === "/teams/hook");
    expect(slack).toHaveLength(1);
    expect(teams).toHaveLength(1);
    expect(JSON.parse(slack[0].body.toString()).text).toContain("Le projet de loi 23");
    const card = JSON.parse(teams[0].body.toString());
    expect(card.attachments[0].contentType).toBe("application/vnd.microsoft.card.adaptive");
  });

  it("sends an encrypted push the subscription's keys decrypt, and forgets a device the push service says is gone", async () => {
    const push = sink.received.find((r) => r.path === `/push/${ctx.en.user.id}`)!;
    expect(push.headers["content-encoding"]).toBe("aes128gcm");
    expect(push.headers.authorization).toMatch(/^vapid t=/);
    const payload = ctx.keys.decrypt(push.body);
    expect(payload.title).toBe("Bill 23 is in committee tomorrow");
    expect(payload.url).toContain(`/alerts/${ctx.alertId}`);
    const devices = await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, ctx.en.user.id));
    expect(devices.map((d) => d.endpoint)).toEqual([`${sink.base}/push/${ctx.en.user.id}`]);
  });

  it("records members without a device as skipped, and shows per channel counts to the lead", async () => {
    const stats = await alertStats({ orgId: ctx.org.id }, ctx.alertId);
    const byChannel = Object.fromEntries(stats.channels.map((c) => [c.channel, c]));
    expect(byChannel.in_app.delivered).toBe(3);
    expect(byChannel.email.delivered).toBe(3);
    expect(byChannel.push).toMatchObject({ delivered: 1, skipped: 2 });
    expect(byChannel.slack.delivered).toBe(1);
    expect(stats.reached).toBe(3);
  });

  it("sends the member's letter to their district's representative with the member as Reply-To, and counts it for that target", async () => {
    await setDistrict(ctx.en.tenant, "laurier – dorion");
    const view = await (await import("@/lib/alerts/queries")).getMemberAlert(ctx.en.tenant, ctx.alertId);
    const emailAction = view.actions.find((a) => a.kind === "email")!;
    expect(view.actions[0].matched.map((t) => t.email)).toEqual([letterTarget.email]);
    await sendLetter(ctx.en.tenant, { actionId: emailAction.id, subject: "Projet de loi 23", body: "Madame la députée, votez contre.", targetId: null });
    await dispatchOutbox();
    const [letter] = await until(() => Promise.resolve(smtp.to(letterTarget.email)), (mails) => mails.length === 1);
    expect(letter.replyTo?.text).toContain(ctx.en.user.email);
    expect(letter.text).toContain(ctx.en.user.name!);
    const stats = await alertStats({ orgId: ctx.org.id }, ctx.alertId);
    expect(stats.letters.find((l) => l.name === letterTarget.name)?.sent).toBe(1);
    expect(stats.actions[0].acted).toBe(1);
    // Asking again sends nothing more.
    await sendLetter(ctx.en.tenant, { actionId: emailAction.id, subject: "Projet de loi 23", body: "Encore", targetId: null });
    await dispatchOutbox();
    expect((await db.select().from(alertLetters).where(eq(alertLetters.alertId, ctx.alertId))).length).toBe(1);
  });

  it("emits action.completed once per member and call to action", async () => {
    const events = await db.select().from(outboxEvents).where(and(eq(outboxEvents.type, "action.completed"), eq(outboxEvents.organizationId, ctx.org.id)));
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ alertId: ctx.alertId, membershipId: ctx.en.membership.id, userId: ctx.en.user.id, kind: "email" });
    await expect(completeAction(ctx.en.tenant, { actionId: (events[0].payload as { actionId: string }).actionId, outcome: "sent", targetId: null })).resolves.toMatchObject({ created: false });
  });
});
