import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { rollUpEventJob } from "@/lib/analytics/jobs";
import { emit } from "@/lib/jobs/outbox";
import { startOutboxDispatcher, type OutboxDispatcher } from "@/workers/outbox-dispatcher";
import { startWorkers, type RunningWorkers } from "@/workers/runtime";
import { until } from "../invitations/support";
import { sharedLink } from "../tracked-links/support";
import { ingest, rawTotals, rollupTotals } from "./support";

let dispatcher: OutboxDispatcher;
let workers: RunningWorkers;

beforeAll(() => {
  dispatcher = startOutboxDispatcher({ pollMs: 200 });
  workers = startWorkers({ jobs: [rollUpEventJob], queues: ["analytics"] });
});

afterAll(async () => {
  await dispatcher.close();
  await workers.close();
});

describe("the roll-up worker", () => {
  it("adds clicks, shares and actions done to the rollups from their events, through the outbox and the queue", async () => {
    const { org, code, member } = await sharedLink();
    await ingest(code, [{ at: Date.now() }, { at: Date.now(), filter: "preview" }, { at: Date.now(), visitor: "a" }, { at: Date.now(), visitor: "a" }]);
    await emit(db, { type: "action.completed", orgId: org.id, payload: { alertId: "alr_x", actionId: "act_x", membershipId: member.membership.id, userId: member.user.id, kind: "email" } });
    const raw = await rawTotals(org.id);
    const rolled = await until(
      () => rollupTotals(org.id),
      // Both rollups are read one after the other: wait until each has every event.
      ({ daily, hourly }) => [daily, hourly].every((r) => r.clicks === raw.clicks && r.actions === 1 && r.shares === 1),
    );
    expect(rolled.daily).toEqual({ ...raw, actions: 1 });
    expect(rolled.hourly).toEqual({ ...raw, actions: 1 });
  });
});
