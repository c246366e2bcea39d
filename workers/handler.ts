import type { Job } from "bullmq";
import type { JobContract, JobPayload } from "@/lib/jobs/define-job";

// How a job runs: a handler file in workers/jobs/ default-exports one of these for its
// contract. Handlers stay thin: they call the domain, which skips work already done.
export type JobHandler<C extends JobContract = JobContract> = {
  contract: C;
  run(payload: JobPayload<C>, job: Job): Promise<unknown>;
};

export function handler<C extends JobContract>(contract: C, run: JobHandler<C>["run"]): JobHandler<C> {
  return { contract, run };
}
