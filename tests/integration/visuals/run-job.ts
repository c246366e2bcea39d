import { afterAll, beforeAll } from "vitest";
import type { DefinedJob } from "@/workers/define-job";
import type { QueueName } from "@/workers/queues";
import { startWorkers, type RunningWorkers } from "@/workers/runtime";
import { waitForJob } from "@/tests/setup/jobs";

// The real worker and Redis for one test file: `run(job, payload)` enqueues and waits for the
// job to finish (its error, if it failed).
export function useWorker(jobs: DefinedJob[], queues: QueueName[]) {
  let running: RunningWorkers;
  beforeAll(() => {
    running = startWorkers({ jobs, queues });
  });
  afterAll(async () => {
    await running?.close();
  });
  return {
    async run<P>(job: DefinedJob & { enqueue(payload: P): Promise<import("bullmq").Job> }, payload: P) {
      return waitForJob(job.queue, await job.enqueue(payload), 30_000);
    },
  };
}
