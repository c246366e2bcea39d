import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { closeDb } from "@/db/client";
import { closeRedis } from "@/lib/redis";
import { closeQueues } from "@/workers/queues";
import { cloneTemplate } from "./test-databases";
import "./request-context";

const runId = inject("runId");
const worker = process.env.VITEST_POOL_ID ?? "1";

process.env.DATABASE_URL = await cloneTemplate(inject("adminDatabaseUrl"), runId, `relais_w${worker}_${runId}`);
process.env.REDIS_URL = inject("redisUrl");
// Queues of this test file only: delayed jobs and job schedulers left in Redis by one file
// are never picked up by a worker another file starts.
process.env.QUEUE_PREFIX = `relais-test-${runId}-${worker}-${randomBytes(3).toString("hex")}`;
process.env.APP_URL = "http://localhost:3000";
process.env.AUTH_SECRET = "test-secret";

afterAll(async () => {
  await closeQueues();
  await closeRedis();
  await closeDb();
});
