import { Job } from "bullmq";
import { afterAll, beforeAll } from "vitest";
import type { JobContract } from "@/lib/jobs/define-job";
import { getQueue, type QueueName } from "@/lib/jobs/queues";
import { startJobRunner } from "@/workers/job-runner";
import { startOutboxDispatcher } from "@/workers/outbox-dispatcher";

// Resolves with the return value once the real worker has finished the job (rejects if it
// failed). Polls the job's state: a QueueEvents stream opened after the job was added can
// miss its "completed" event.
export async function waitForJob(queue: QueueName, job: Job, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await job.getState();
    if (state === "completed") return (await Job.fromId(getQueue(queue), job.id!))?.returnvalue;
    if (state === "failed") {
      const failed = await Job.fromId(getQueue(queue), job.id!);
      throw new Error(`Job ${job.name} failed: ${failed?.failedReason}`);
    }
    if (Date.now() > deadline) throw new Error(`Job ${job.name} did not finish within ${timeoutMs} ms (state: ${state})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// Waits for the job an outbox event turns into (the runner's own dispatcher may still be
// adding it when the test looks), then for that job to finish.
export async function waitForJobById(queue: QueueName, jobId: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await Job.fromId(getQueue(queue), jobId);
    if (job) return waitForJob(queue, job, Math.max(deadline - Date.now(), 1_000));
    if (Date.now() > deadline) throw new Error(`Job ${jobId} was never added to the ${queue} queue within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// The real workers, outbox dispatcher and Redis for one test file: `run(job, payload)`
// enqueues and waits for the job to finish (its error, if it failed).
export function useWorker(jobs: JobContract[], queues: QueueName[]) {
  let running: ReturnType<typeof startJobRunner> | undefined;
  beforeAll(() => {
    running = startJobRunner({ jobs, queues });
  });
  afterAll(async () => {
    await running?.close();
  });
  return {
    async run<C extends JobContract>(job: C, payload: Parameters<C["enqueue"]>[0]) {
      return waitForJob(job.queue, await job.enqueue(payload), 30_000);
    },
  };
}

// Turns every event committed so far into its jobs, as the worker process's dispatcher would.
export async function dispatchOutbox() {
  const dispatcher = startOutboxDispatcher({ run: false });
  try {
    while ((await dispatcher.tick()) > 0);
  } finally {
    await dispatcher.close();
  }
}
