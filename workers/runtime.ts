import { UnrecoverableError, Worker } from "bullmq";
import type { JobContract } from "@/lib/jobs/define-job";
import { queuePrefix, QUEUES, type QueueName } from "@/lib/jobs/queues";
import { createRedis } from "@/lib/redis";
import { loadHandler } from "./registry";

export type RunningWorkers = { workers: Worker[]; close(): Promise<void> };

// `jobs` limits the worker to some contracts (tests); by default it runs every registered one.
export function startWorkers(options: { jobs?: JobContract[]; queues?: readonly QueueName[]; concurrency?: number } = {}): RunningWorkers {
  const allowed = options.jobs ? new Set(options.jobs.map((job) => job.name)) : null;
  const workers = (options.queues ?? QUEUES).map(
    (queue) =>
      new Worker(
        queue,
        async (job) => {
          const handler = allowed && !allowed.has(job.name) ? null : await loadHandler(job.name);
          if (!handler) throw new UnrecoverableError(`Unknown job ${job.name}`);
          const parsed = handler.contract.schema.safeParse(job.data);
          // A malformed payload will never succeed: do not retry it.
          if (!parsed.success) throw new UnrecoverableError(`Invalid payload for ${job.name}: ${parsed.error.message}`);
          return handler.run(parsed.data, job);
        },
        {
          connection: createRedis({ maxRetriesPerRequest: null }),
          prefix: queuePrefix(),
          concurrency: options.concurrency ?? Number(process.env.WORKER_CONCURRENCY ?? 5),
        },
      ),
  );
  for (const worker of workers) {
    worker.on("failed", (job, error) => console.error(`[worker] ${job?.name} ${job?.id} failed: ${error.message}`));
    worker.on("error", (error) => console.error(`[worker] ${worker.name}: ${error.message}`));
  }
  return {
    workers,
    async close() {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
