import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { closeDb } from "@/db/client";
import { closeQueues } from "@/lib/jobs/queues";
import { closeRedis } from "@/lib/redis";
import { dropDatabases } from "@/scripts/cli/services";
import { cloneTemplate } from "./test-databases";
import "./request-context";

const runId = inject("runId");
const adminUrl = inject("adminDatabaseUrl");
// One database and one queue prefix per test file: files that run at the same time never
// see each other's rows, outbox events or jobs (Vitest's pool ids are not unique across
// projects, so they cannot name a database).
const file = `${process.pid}_${randomBytes(3).toString("hex")}`;
const database = `relais_f${file}_${runId}`;

process.env.DATABASE_URL = await cloneTemplate(adminUrl, runId, database);
process.env.REDIS_URL = inject("redisUrl");
process.env.QUEUE_PREFIX = `relais-test-${runId}-${file}`;
process.env.APP_URL = "http://localhost:3000";
process.env.AUTH_SECRET = "test-secret";

afterAll(async () => {
  await closeQueues();
  await closeRedis();
  await closeDb();
  await dropDatabases(adminUrl, [database]);
});
