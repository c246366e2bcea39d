import type { Job, JobsOptions } from "bullmq";
import type { z, ZodType } from "zod";
import { getQueue, type QueueName } from "./queues";

export type JobDefinition<S extends ZodType = ZodType> = {
  name: string;
  queue: QueueName;
  schema: S;
  handle(payload: z.output<S>, job: Job): Promise<unknown>;
  options?: JobsOptions;
};

export type DefinedJob<S extends ZodType = ZodType> = JobDefinition<S> & {
  // Call after the transaction that produced the work has committed.
  enqueue(payload: z.input<S>, options?: JobsOptions): Promise<Job>;
};

export function defineJob<S extends ZodType>(definition: JobDefinition<S>): DefinedJob<S> {
  return {
    ...definition,
    async enqueue(payload, options) {
      const data = definition.schema.parse(payload);
      return getQueue(definition.queue).add(definition.name, data, { ...definition.options, ...options });
    },
  };
}
