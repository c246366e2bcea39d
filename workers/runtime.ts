import { UnrecoverableError, Worker } from "bullmq";
import { createRedis } from "@/lib/redis";
import type { DefinedJob } from "./define-job";
import { queuePrefix, QUEUES, type QueueName } from "./queues";
import { JOBS } from "./registry";

export type RunningWorkers = { workers: Worker[]; close(): Promise<void> };

export function startWorkers(options: { jobs?: DefinedJob[]; queues?: readonly QueueName[]; concurrency?: number } = {}): RunningWorkers {
  const jobs = new Map((options.jobs ?? JOBS).map((job) => [job.name, job]));
  const workers = (options.queues ?? QUEUES).map(
    (queue) =>
      new Worker(
        queue,
        async (job) => {
          const definition = jobs.get(job.name);
          if (!definition) throw new UnrecoverableError(`Unknown job ${job.name}`);
          const parsed = definition.schema.safeParse(job.data);
          // A malformed payload will never succeed: do not retry it.
          if (!parsed.success) throw new UnrecoverableError(`Invalid payload for ${job.name}: ${parsed.error.message}`);
          return definition.handle(parsed.data, job);
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
