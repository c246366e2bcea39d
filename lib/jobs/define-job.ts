import type { Job, JobsOptions } from "bullmq";
import type { z, ZodType } from "zod";
import { getQueue, type QueueName } from "./queues";

// What a job is (name, queue, payload schema, options), without how it runs: the contract
// lives with its domain in lib/<domain>/jobs.ts, the handler in workers/jobs/<name>.ts. The
// web server imports contracts only, so it never bundles a handler's dependencies.
export type JobContract<S extends ZodType = ZodType> = {
  name: string;
  queue: QueueName;
  schema: S;
  options?: JobsOptions;
  // A job to add, as a value: the outbox dispatcher adds it with its own connection.
  request(payload: z.input<S>, options?: JobsOptions): JobRequest;
  // Adds the job now. Only for work that may be lost harmlessly (a sweep or a scheduler
  // redoes it); work that must not be lost is an event emitted in its transaction.
  enqueue(payload: z.input<S>, options?: JobsOptions): Promise<Job>;
};

export type JobRequest =
  | { kind: "add"; queue: QueueName; name: string; data: unknown; options: JobsOptions }
  | { kind: "remove"; queue: QueueName; jobId: string };

export type JobPayload<C> = C extends JobContract<infer S> ? z.output<S> : never;

export function defineJob<S extends ZodType>(definition: { name: string; queue: QueueName; schema: S; options?: JobsOptions }): JobContract<S> {
  const request = (payload: z.input<S>, options?: JobsOptions): JobRequest => ({
    kind: "add",
    queue: definition.queue,
    name: definition.name,
    data: definition.schema.parse(payload),
    options: { ...definition.options, ...options },
  });
  return {
    ...definition,
    request,
    async enqueue(payload, options) {
      const job = request(payload, options) as Extract<JobRequest, { kind: "add" }>;
      return getQueue(job.queue).add(job.name, job.data, job.options);
    },
  };
}

export const removeJob = (queue: QueueName, jobId: string): JobRequest => ({ kind: "remove", queue, jobId });

// Job ids dedupe in BullMQ: never a ":" and never all digits.
export const jobIdPart = (value: string | number | Date) => String(value instanceof Date ? value.getTime() : value).replace(/:/g, "_");
