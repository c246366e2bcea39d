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
