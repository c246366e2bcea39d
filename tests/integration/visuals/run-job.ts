import { QueueEvents } from "bullmq";
import { afterAll, beforeAll } from "vitest";
import { createRedis } from "@/lib/redis";
import type { DefinedJob } from "@/workers/define-job";
import { queuePrefix, type QueueName } from "@/workers/queues";
import { startWorkers, type RunningWorkers } from "@/workers/runtime";

// The real worker and Redis for one test file: `run(job, payload)` enqueues and waits for the
// job to finish (its error, if it failed).
export function useWorker(jobs: DefinedJob[], queues: QueueName[]) {
  let running: RunningWorkers;
  const events = new Map<QueueName, QueueEvents>();
  beforeAll(async () => {
    running = startWorkers({ jobs, queues });
    for (const queue of queues) {
      const e = new QueueEvents(queue, { connection: createRedis({ maxRetriesPerRequest: null }), prefix: queuePrefix() });
      await e.waitUntilReady();
      events.set(queue, e);
    }
  });
  afterAll(async () => {
    await running?.close();
    await Promise.all([...events.values()].map((e) => e.close()));
  });
  return {
    async run<P>(job: DefinedJob & { enqueue(payload: P): Promise<import("bullmq").Job> }, payload: P) {
      const queued = await job.enqueue(payload);
      return queued.waitUntilFinished(events.get(job.queue)!, 30_000);
    },
  };
}
