import { spawnSync } from "node:child_process";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { invitations, outboxEvents } from "@/db/schema";
import { inviteStaffAction } from "@/lib/invitations/email-invitation-actions";
import { sendInvitationEmailJob } from "@/lib/invitations/jobs";
import { EVENT_TYPES } from "@/lib/jobs/events";
import { emit, leasePendingEvents, purgeDispatchedEvents } from "@/lib/jobs/outbox";
import { closeQueues, getQueue } from "@/lib/jobs/queues";
import { HANDLERS } from "@/workers/registry";
import { startOutboxDispatcher } from "@/workers/outbox-dispatcher";
import { startWorkers, type RunningWorkers } from "@/workers/runtime";
import { SUBSCRIPTIONS } from "@/workers/subscriptions";
import { createMember, createOrg, unique } from "@/tests/factories";
import { actAs } from "@/tests/setup/request-context";
import { startSmtp, until } from "../invitations/support";
import { startPrivateRedis } from "../tracked-links/private-services";

let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let workers: RunningWorkers | undefined;

beforeAll(async () => {
  // A Redis of this file's own, really stopped and started; everything here uses it.
  redis = await startPrivateRedis();
  process.env.REDIS_URL = redis.url;
  smtp = await startSmtp();
  process.env.SMTP_URL = smtp.url;
});

afterAll(async () => {
  await workers?.close();
  await closeQueues();
  await smtp.close();
  await redis.remove();
});

async function eventsOf(orgId: string) {
  return db.select().from(outboxEvents).where(eq(outboxEvents.organizationId, orgId));
}

describe("the transactional outbox", () => {
  it("an invitation made while Redis is down is emailed once, when Redis is back", async () => {
    const org = await createOrg();
    const { user } = await createMember(org, { role: "admin" });
    await actAs(user.id);
    const email = `${unique("outage-")}@example.test`;

    await redis.stop();
    // The action answers while Redis is away: the work is a row committed with the invitation.
    expect(await inviteStaffAction({ org: org.slug, emails: email, role: "staff" })).toMatchObject({ ok: true, data: { invited: 1 } });
    const [event] = await eventsOf(org.id);
    expect(event).toMatchObject({ type: "invitation.requested", dispatchedAt: null });

    const dispatcher = startOutboxDispatcher({ run: false, enqueueTimeoutMs: 1_000 });
    try {
      expect(await dispatcher.tick()).toBe(0);
      const [failed] = await eventsOf(org.id);
      expect(failed).toMatchObject({ attempts: 1, dispatchedAt: null });
      expect(failed.lastError).toBeTruthy();
      expect(failed.availableAt.getTime()).toBeGreaterThan(Date.now());

      await redis.start();
      // The backoff of a first failure is one second.
      await until(() => dispatcher.tick(), (n) => n === 1, 10_000);
      const [dispatched] = await eventsOf(org.id);
      expect(dispatched.dispatchedAt).not.toBeNull();

      // A dispatcher that crashed after adding the job but before marking the row: the row
      // is dispatched again, and the job id keeps it to one job.
      await db.update(outboxEvents).set({ dispatchedAt: null, availableAt: new Date() }).where(eq(outboxEvents.id, dispatched.id));
      expect(await dispatcher.tick()).toBe(1);
    } finally {
      await dispatcher.close();
    }

    workers = startWorkers({ jobs: [sendInvitationEmailJob], queues: ["emails"] });
    await until(async () => smtp.to(email).length, (n) => n > 0);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(smtp.to(email)).toHaveLength(1);
    const [invitation] = await db.select().from(invitations).where(eq(invitations.email, email));
    expect(invitation.sentAt).not.toBeNull();
    const jobs = (await getQueue("emails").getJobs(["completed", "waiting", "active", "delayed"])).filter((j) => j.data.invitationId === invitation.id);
    expect(jobs).toHaveLength(1);
  });

  it("a transaction that rolls back leaves no event behind", async () => {
    const org = await createOrg();
    await expect(
      db.transaction(async (tx) => {
        await emit(tx, { type: "import.requested", orgId: org.id, payload: { importId: "imp_rolled_back" } });
        throw new Error("the fact did not happen");
      }),
    ).rejects.toThrow("the fact did not happen");
    expect(await eventsOf(org.id)).toEqual([]);
  });

  it("refuses to emit a malformed event, failing the transaction that emits it", async () => {
    const org = await createOrg();
    await expect(emit(db, { type: "import.requested", orgId: org.id, payload: { importId: "" } })).rejects.toThrow();
    expect(await eventsOf(org.id)).toEqual([]);
  });

  it("gives the events of a dispatcher that died to another once their lease ends", async () => {
    const org = await createOrg();
    await emit(db, { type: "member.joined", orgId: org.id, payload: { membershipId: "mem_x", userId: "usr_x", via: "invite_link" } });
    const mine = (events: { orgId: string }[]) => events.filter((e) => e.orgId === org.id);
    expect(mine(await leasePendingEvents(1_000, 300))).toHaveLength(1);
    // Leased: nobody else takes it meanwhile.
    expect(mine(await leasePendingEvents(1_000, 300))).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 400));
    expect(mine(await leasePendingEvents(1_000, 300))).toHaveLength(1);
  });

  it("purges dispatched events past their retention and keeps pending ones", async () => {
    const org = await createOrg();
    await emit(
      db,
      { type: "member.joined", orgId: org.id, payload: { membershipId: "mem_old", userId: "usr_old", via: "import" } },
      { type: "member.joined", orgId: org.id, payload: { membershipId: "mem_new", userId: "usr_new", via: "import" } },
    );
    const [old] = await eventsOf(org.id);
    await db.execute(sql`update outbox_events set dispatched_at = now() - interval '8 days' where id = ${old.id}`);
    await purgeDispatchedEvents(new Date(Date.now() - 7 * 86_400_000));
    const left = await eventsOf(org.id);
    expect(left.map((e) => (e.payload as { membershipId: string }).membershipId)).toEqual(["mem_new"]);
  });
});

describe("the job registry", () => {
  it("lists every event type in the subscriptions", () => {
    expect(Object.keys(SUBSCRIPTIONS).sort()).toEqual([...EVENT_TYPES].sort());
  });

  it("loads every handler in a plain worker process, outside Next and Vitest", () => {
    // Modules marked "server-only" throw outside Next's server bundle: a handler must never
    // reach one, or the worker process dies on its first job.
    const script = `(async () => { const { HANDLERS } = await import("./workers/registry.ts"); for (const load of Object.values(HANDLERS)) await load(); console.log("loaded " + Object.keys(HANDLERS).length); process.exit(0); })().catch((e) => { console.error(e); process.exit(1); });`;
    const result = spawnSync(path.resolve("node_modules/.bin/tsx"), ["--eval", script], { encoding: "utf8", env: { ...process.env }, timeout: 60_000 });
    expect(result.stderr).toBe("");
    expect(result.stdout.trim()).toBe(`loaded ${Object.keys(HANDLERS).length}`);
  });

  it("loads a handler for every registered job, under its contract's name", async () => {
    for (const [name, load] of Object.entries(HANDLERS)) {
      const { default: handler } = await load();
      expect(handler.contract.name).toBe(name);
    }
  });
});
