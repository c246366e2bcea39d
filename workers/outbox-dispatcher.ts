// The outbox dispatcher: turns committed events (lib/jobs/outbox.ts) into BullMQ jobs.
// Started by workers/index.ts; any number of worker processes may run it (leases and SKIP
// LOCKED share the rows out). An event is marked dispatched only once every job it asks for
// is in Redis; until then it is retried with backoff, so an enqueue that fails is a delay,
// never a lost job. Job ids make a second dispatch of the same event add nothing.
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { db } from "@/db/client";
import type { JobRequest } from "@/lib/jobs/define-job";
import { leasePendingEvents, markEventFailed, markEventsDispatched, purgeDispatchedEvents } from "@/lib/jobs/outbox";
import { defaultJobOptions, queuePrefix, type QueueName } from "@/lib/jobs/queues";
import { redisUrl } from "@/lib/redis";
import { jobRequestsFor } from "./subscriptions";

export type OutboxDispatcher = {
  // One pass over the due events; returns how many were dispatched (tests drive it).
  tick(): Promise<number>;
  close(): Promise<void>;
};

type Options = {
  redisUrl?: string;
  // Polling backs up LISTEN: a notification missed while PostgreSQL reconnected only delays.
  pollMs?: number;
  batch?: number;
  leaseMs?: number;
  // An enqueue that takes longer counts as failed (Redis unreachable); its job id keeps a late
  // success from doubling it.
  enqueueTimeoutMs?: number;
  keepDispatchedMs?: number;
  // false: no background loop, only tick() (tests).
  run?: boolean;
};

const HOUR_MS = 3_600_000;

function withTimeout<T>(promise: Promise<T>, ms: number) {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer from Redis within ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

// Producers of their own, failing fast: a command never waits in an offline queue while
// Redis is away. Rebuilt after a failure, so a Redis that comes back is found again.
function createQueues(url: string) {
  const connection = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000 });
  connection.on("error", () => {});
  const queues = new Map<QueueName, Queue>();
  return {
    get(name: QueueName) {
      let queue = queues.get(name);
      if (!queue) {
        queue = new Queue(name, { connection, prefix: queuePrefix(), defaultJobOptions });
        queue.on("error", () => {});
        queues.set(name, queue);
      }
      return queue;
    },
    async close() {
      await Promise.all([...queues.values()].map((q) => q.close().catch(() => {})));
      connection.disconnect();
    },
  };
}

export function startOutboxDispatcher(options: Options = {}): OutboxDispatcher {
  const { pollMs = 1_000, batch = 100, leaseMs = 30_000, enqueueTimeoutMs = 5_000, keepDispatchedMs = 7 * 24 * HOUR_MS } = options;
  const url = options.redisUrl ?? redisUrl();
  let queues = createQueues(url);
  let running = options.run ?? true;
  let lastPurge = 0;
  let wake: (() => void) | null = null;

  async function perform(request: JobRequest) {
    const queue = queues.get(request.queue);
    if (request.kind === "remove") await queue.remove(request.jobId);
    else await queue.add(request.name, request.data, request.options);
  }

  async function tick() {
    const events = await leasePendingEvents(batch, leaseMs);
    const done: string[] = [];
    let failed = false;
    for (const event of events) {
      try {
        // In order: removing a moved job comes before adding its replacement.
        for (const request of jobRequestsFor(event)) await withTimeout(perform(request), enqueueTimeoutMs);
        done.push(event.id);
      } catch (error) {
        failed = true;
        await markEventFailed(event.id, (error as Error).message);
      }
    }
    await markEventsDispatched(done);
    if (failed) {
      const broken = queues;
      queues = createQueues(url);
      void broken.close();
    }
    if (Date.now() - lastPurge > HOUR_MS) {
      lastPurge = Date.now();
      await purgeDispatchedEvents(new Date(Date.now() - keepDispatchedMs));
    }
    return done.length;
  }

  const listening = running
    ? db.$client.listen("relais_outbox", () => wake?.()).catch((error) => {
        console.error(`[outbox] LISTEN failed, polling only: ${(error as Error).message}`);
        return null;
      })
    : Promise.resolve(null);

  const loop = (async () => {
    while (running) {
      let dispatched = 0;
      try {
        dispatched = await tick();
      } catch (error) {
        console.error(`[outbox] ${(error as Error).message}`);
      }
      if (dispatched === batch || !running) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => (wake = null, resolve()), pollMs);
        wake = () => {
          clearTimeout(timer);
          wake = null;
          resolve();
        };
      });
    }
  })();

  return {
    tick,
    async close() {
      running = false;
      wake?.();
      await loop;
      await (await listening)?.unlisten().catch(() => {});
      await queues.close();
    },
  };
}
