import type { JobContract } from "@/lib/jobs/define-job";
import type { QueueName } from "@/lib/jobs/queues";
import { startOutboxDispatcher } from "./outbox-dispatcher";
import { startWorkers } from "./runtime";

// Workers plus the outbox dispatcher that feeds them: what a test or a benchmark needs to see
// an action's work done end to end, without the rest of the worker process.
export function startJobRunner(options: { jobs?: JobContract[]; queues?: readonly QueueName[]; pollMs?: number } = {}) {
  const workers = startWorkers(options);
  const outbox = startOutboxDispatcher({ pollMs: options.pollMs ?? 200 });
  return {
    workers: workers.workers,
    async close() {
      await Promise.all([workers.close(), outbox.close()]);
    },
  };
}
