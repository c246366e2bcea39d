import { Queue, type JobsOptions } from "bullmq";
import type { Redis } from "ioredis";
import { createRedis } from "@/lib/redis";

export const QUEUES = ["default", "emails", "imports", "publishing", "notifications", "clicks", "contests", "analytics"] as const;
export type QueueName = (typeof QUEUES)[number];

export const defaultJobOptions: JobsOptions = {
  attempts: 3,
  backoff: { type: "exponential", delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 1_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export function queuePrefix() {
  return process.env.QUEUE_PREFIX ?? "relais";
}

const globalForQueues = globalThis as unknown as { relaisQueues?: Map<QueueName, Queue>; relaisQueueRedis?: Redis };

export function getQueue(name: QueueName) {
  globalForQueues.relaisQueues ??= new Map();
  let queue = globalForQueues.relaisQueues.get(name);
  if (!queue) {
    queue = new Queue(name, {
      // One connection shared by every queue of this process.
      connection: (globalForQueues.relaisQueueRedis ??= createRedis({ maxRetriesPerRequest: null })),
      prefix: queuePrefix(),
      defaultJobOptions,
    });
    globalForQueues.relaisQueues.set(name, queue);
  }
  return queue;
}

export async function closeQueues() {
  const queues = [...(globalForQueues.relaisQueues?.values() ?? [])];
  globalForQueues.relaisQueues = undefined;
  const connection = globalForQueues.relaisQueueRedis;
  globalForQueues.relaisQueueRedis = undefined;
  await Promise.all(queues.map((q) => q.close()));
  await connection?.quit().catch(() => connection.disconnect());
}
