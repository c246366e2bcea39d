import { createHash } from "node:crypto";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getRedis, whenReady } from "@/lib/redis";

// A budget of `points` per `durationSeconds`, counted in Redis so that it holds across every
// web process. Name it after what it protects; keys are what it is counted per (an email, an
// address, an organisation).
// `perAddress` budgets are multiplied by RATE_LIMIT_ADDRESS_FACTOR (default 1): a workplace
// where hundreds of people share one public address may need more.
export type Limit = { name: string; points: number; durationSeconds: number; perAddress?: boolean };

export function effectivePoints(limit: Limit) {
  const factor = Number(process.env.RATE_LIMIT_ADDRESS_FACTOR ?? 1);
  return limit.perAddress && Number.isFinite(factor) && factor >= 1 ? Math.floor(limit.points * factor) : limit.points;
}

export class RateLimitedError extends AppError {
  constructor(
    readonly limit: string,
    readonly retryAfterSeconds: number,
  ) {
    super("too_many_requests", `Rate limit ${limit} reached`);
  }
}

const limiters = new Map<string, RateLimiterRedis>();

// Keyed by the budget's size too: a budget read from configuration (emails per second) may
// differ between two runs in one process (tests).
function limiterFor(limit: Limit) {
  const id = `${limit.name}:${effectivePoints(limit)}:${limit.durationSeconds}`;
  let limiter = limiters.get(id);
  if (!limiter) {
    limiter = new RateLimiterRedis({
      storeClient: getRedis(),
      keyPrefix: `${env().QUEUE_PREFIX}:rate:${limit.name}`,
      points: effectivePoints(limit),
      duration: limit.durationSeconds,
      // Redis away: each process keeps counting on its own rather than letting everything
      // through or refusing everyone.
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory({ points: effectivePoints(limit), duration: limit.durationSeconds }),
    });
    limiters.set(id, limiter);
  }
  return limiter;
}

// Emails and addresses are not kept in Redis as such.
const keyOf = (key: string) => createHash("sha256").update(key.toLowerCase()).digest("base64url").slice(0, 22);

export type LimitCheck = { limit: Limit; key: string; points?: number };

// Spends from every budget; the first one exhausted refuses the request (a RateLimitedError,
// which the doors answer as "too_many_requests", 429).
export async function consumeLimits(...checks: LimitCheck[]) {
  // A fresh connection takes a moment: counted in Redis, not in the fallback, when it can be.
  await whenReady(getRedis());
  for (const { limit, key, points = 1 } of checks) {
    try {
      await limiterFor(limit).consume(keyOf(key), points);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw new RateLimitedError(limit.name, Math.ceil(error.msBeforeNext / 1000));
      throw error;
    }
  }
}

// What is left of a budget, without spending it (tests, and pages that want to warn).
export async function remainingPoints(limit: Limit, key: string) {
  const res = await limiterFor(limit).get(keyOf(key));
  return res ? Math.max(0, effectivePoints(limit) - res.consumedPoints) : effectivePoints(limit);
}

// Spends one point if the budget has one: for lists where one refused entry must not refuse
// the others (invitations to many addresses).
export async function tryConsume(limit: Limit, key: string) {
  try {
    await consumeLimits({ limit, key });
    return true;
  } catch (error) {
    if (error instanceof RateLimitedError) return false;
    throw error;
  }
}

// Waits for a point (workers pacing what they send: emails, webhooks, letters); gives up
// with false when the wait would pass `maxWaitMs` (0: never waits).
export async function waitForSlot(limit: Limit, key: string, maxWaitMs: number) {
  const deadline = Date.now() + maxWaitMs;
  await whenReady(getRedis());
  for (;;) {
    try {
      await limiterFor(limit).consume(keyOf(key));
      return true;
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      if (Date.now() + error.msBeforeNext > deadline) return false;
      await new Promise((r) => setTimeout(r, Math.max(5, error.msBeforeNext)));
    }
  }
}
