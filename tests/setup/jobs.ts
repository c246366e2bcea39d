import { Job } from "bullmq";
import { getQueue, type QueueName } from "@/workers/queues";

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
