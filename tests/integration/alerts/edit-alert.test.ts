import { Job } from "bullmq";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { alerts, outboxEvents } from "@/db/schema";
import { cancelAlertAction, createAlertAction, updateAlertAction } from "@/lib/alerts/actions";
import { getAlertFormValues, type AlertFormValues } from "@/lib/alerts/form-values";
import { findAlertActions, getAlertOrThrow } from "@/lib/alerts/queries";
import { fanoutJobId } from "@/lib/alerts/jobs";
import { toZonedInput } from "@/lib/calendar/zoned";
import { getQueue } from "@/lib/jobs/queues";
import { createMember, createOrg } from "@/tests/factories";
import { dispatchOutbox } from "@/tests/setup/jobs";
import { actAs } from "@/tests/setup/request-context";

const TZ = "America/Toronto";
const hoursFromNow = (h: number) => new Date(Math.floor((Date.now() + h * 3600_000) / 60_000) * 60_000);

async function leadWithScheduledAlert() {
  const org = await createOrg({ timeZone: TZ });
  const lead = await createMember(org, { role: "lead" });
  await actAs(lead.user.id);
  const sendAt = hoursFromNow(2);
  const result = await createAlertAction({
    org: org.slug,
    titleFr: "Le projet de loi 31 passe demain",
    titleEn: "Bill 31 is voted tomorrow",
    messageFr: "Écrivez à votre député.",
    messageEn: "Write to your MNA.",
    channels: ["in_app", "email"],
    when: "later",
    sendAt: toZonedInput(sendAt, TZ),
    email: "on",
    emailSubject: "Votez contre le projet de loi 31",
    emailLetter: "Madame la députée,\n\nVotez contre.",
    emailSendMode: "relais",
    emailMatchBy: "district",
    emailTargets: "name,title,email,phone,district\nMarie Tremblay,Députée,marie.tremblay@assnat.example.test,,Laurier-Dorion",
    call: "on",
    callPhone: "+1 514 555 0100",
    callScript: "Bonjour, je vous appelle au sujet du projet de loi 31.",
  });
  if (!result.ok) throw new Error(`createAlertAction: ${JSON.stringify(result)}`);
  await dispatchOutbox();
  return { org, lead, alertId: result.data.id, sendAt };
}

// What the browser sends back from the prefilled form: ticked boxes as "on", the rest as typed.
function submitted(values: AlertFormValues) {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === false) continue;
    out[key] = value === true ? "on" : typeof value === "number" ? String(value) : value;
  }
  return out;
}

const fanoutJob = (alertId: string, sendAt: Date) => Job.fromId(getQueue("notifications"), fanoutJobId(alertId, sendAt));

describe("editing a scheduled alert", () => {
  it("moves its delayed fan-out job to the new time when the lead changes the time", async () => {
    const { org, lead, alertId, sendAt } = await leadWithScheduledAlert();
    const before = await fanoutJob(alertId, sendAt);
    expect(await before?.getState()).toBe("delayed");

    const values = await getAlertFormValues(lead.tenant, await getAlertOrThrow(lead.tenant, alertId));
    const later = hoursFromNow(5);
    expect(await updateAlertAction({ org: org.slug, alertId, ...submitted({ ...values, sendAt: toZonedInput(later, TZ) }) })).toEqual({ ok: true, data: { id: alertId } });
    await dispatchOutbox();

    expect((await getAlertOrThrow(lead.tenant, alertId)).sendAt.toISOString()).toBe(later.toISOString());
    expect(await fanoutJob(alertId, sendAt)).toBeUndefined();
    const moved = await fanoutJob(alertId, later);
    expect(await moved?.getState()).toBe("delayed");
    // Due at the new time (give or take the time the test took to get here).
    expect(Math.abs(moved!.timestamp + moved!.opts.delay! - later.getTime())).toBeLessThan(60_000);
  });

  it("shows the alert as saved, and saved back unchanged keeps its calls to action, targets and job", async () => {
    const { org, lead, alertId, sendAt } = await leadWithScheduledAlert();
    const alert = await getAlertOrThrow(lead.tenant, alertId);
    const values = await getAlertFormValues(lead.tenant, alert);
    expect(values).toMatchObject({
      titleEn: "Bill 31 is voted tomorrow",
      channels: ["in_app", "email"],
      when: "later",
      sendAt: toZonedInput(sendAt, TZ),
      email: true,
      emailSendMode: "relais",
      emailTargets: "name,title,email,phone,district\nMarie Tremblay,Députée,marie.tremblay@assnat.example.test,,Laurier-Dorion",
      call: true,
      callPhone: "+1 514 555 0100",
      share: false,
    });
    const shape = async () => (await findAlertActions(lead.tenant, alertId)).map((a) => ({ kind: a.kind, config: a.config, targets: a.targets.map((t) => [t.name, t.title, t.email, t.district]) }));
    const actionsBefore = await shape();
    const eventsBefore = await db.select().from(outboxEvents).where(eq(outboxEvents.organizationId, org.id));

    expect(await updateAlertAction({ org: org.slug, alertId, ...submitted(values) })).toMatchObject({ ok: true });
    await dispatchOutbox();

    expect(await shape()).toEqual(actionsBefore);
    // Same time: no new scheduling event, the job stays where it was.
    expect(await db.select().from(outboxEvents).where(eq(outboxEvents.organizationId, org.id))).toHaveLength(eventsBefore.length);
    expect(await (await fanoutJob(alertId, sendAt))?.getState()).toBe("delayed");
  });

  it("cancelled from the edit page, loses its job and can no longer be edited", async () => {
    const { org, lead, alertId, sendAt } = await leadWithScheduledAlert();
    const values = await getAlertFormValues(lead.tenant, await getAlertOrThrow(lead.tenant, alertId));
    expect(await cancelAlertAction({ org: org.slug, alertId })).toEqual({ ok: true, data: { status: "cancelled" } });
    await dispatchOutbox();

    expect(await fanoutJob(alertId, sendAt)).toBeUndefined();
    const [row] = await db.select().from(alerts).where(eq(alerts.id, alertId));
    expect(row.status).toBe("cancelled");
    expect(await updateAlertAction({ org: org.slug, alertId, ...submitted({ ...values, titleEn: "Too late" }) })).toEqual({ ok: false, code: "conflict" });
    await expect(getAlertFormValues(lead.tenant, row)).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses a member who is not a lead", async () => {
    const { org, lead, alertId } = await leadWithScheduledAlert();
    const values = await getAlertFormValues(lead.tenant, await getAlertOrThrow(lead.tenant, alertId));
    const staff = await createMember(org, { role: "staff" });
    await actAs(staff.user.id);
    expect(await updateAlertAction({ org: org.slug, alertId, ...submitted({ ...values, titleEn: "Hijacked" }) })).toEqual({ ok: false, code: "forbidden" });
    expect((await getAlertOrThrow(lead.tenant, alertId)).titleEn).toBe("Bill 31 is voted tomorrow");
  });
});
