import { Redis, type RedisOptions } from "ioredis";

export function redisUrl() {
  return process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
}

export function createRedis(options: RedisOptions = {}) {
  return new Redis(redisUrl(), options);
}

const globalForRedis = globalThis as unknown as { relaisRedis?: Redis };

// Request-path connection: fail fast instead of queueing commands while Redis is away.
export function getRedis() {
  globalForRedis.relaisRedis ??= createRedis({ enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  return globalForRedis.relaisRedis;
}

export async function closeRedis() {
  const current = globalForRedis.relaisRedis;
  globalForRedis.relaisRedis = undefined;
  await current?.quit().catch(() => current.disconnect());
}

// A request-path connection refuses commands until it is connected (no offline queue): give
// a fresh one a moment, never longer.
export function whenReady(redis: Redis, timeoutMs = 1_000) {
  if (redis.status === "ready") return Promise.resolve(true);
  return new Promise<boolean>((resolve) => {
    const done = (ready: boolean) => {
      clearTimeout(timer);
      redis.off("ready", onReady);
      resolve(ready);
    };
    const onReady = () => done(true);
    const timer = setTimeout(() => done(false), timeoutMs);
    redis.once("ready", onReady);
  });
}
