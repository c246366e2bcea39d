import type { Redis } from "ioredis";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { queuePrefix } from "@/lib/jobs/queues";
import { createRedis } from "@/lib/redis";

const globalForLimits = globalThis as unknown as { relaisLimitRedis?: Redis; relaisLimiters?: Map<string, RateLimiterRedis> };

// Limits shared by every worker process through Redis (rate-limiter-flexible): `points` per
// `duration` seconds per key (an organisation, a decision-maker's address).
function limiter(name: string, points: number, duration: number) {
  globalForLimits.relaisLimiters ??= new Map();
  const id = `${queuePrefix()}:${name}:${points}:${duration}`;
  let l = globalForLimits.relaisLimiters.get(id);
  if (!l) {
    globalForLimits.relaisLimitRedis ??= createRedis({ maxRetriesPerRequest: null });
    l = new RateLimiterRedis({ storeClient: globalForLimits.relaisLimitRedis, useRedisPackage: false, keyPrefix: `${queuePrefix()}:rl:${name}`, points, duration });
    globalForLimits.relaisLimiters.set(id, l);
  }
  return l;
}

// Waits for a slot (never longer than `maxWaitMs`, else returns false).
export async function takeSlot(name: string, key: string, points: number, duration: number, maxWaitMs = 60_000) {
  const deadline = Date.now() + maxWaitMs;
  for (;;) {
    try {
      await limiter(name, points, duration).consume(key);
      return true;
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      if (Date.now() + error.msBeforeNext > deadline) return false;
      await new Promise((r) => setTimeout(r, Math.max(5, error.msBeforeNext)));
    }
  }
}

// Per-second limits in whole points: 20/s is 20 per second; 0.5/s is 1 per 2 s.
export function perSecond(rate: number) {
  return rate >= 1 ? { points: Math.round(rate), duration: 1 } : { points: 1, duration: Math.ceil(1 / rate) };
}

export async function closeRateLimits() {
  const r = globalForLimits.relaisLimitRedis;
  globalForLimits.relaisLimitRedis = undefined;
  globalForLimits.relaisLimiters = undefined;
  await r?.quit().catch(() => r.disconnect());
}
