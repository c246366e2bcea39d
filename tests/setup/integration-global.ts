import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { ensurePostgres, ensureRedis } from "@/scripts/cli/services";
import { createTemplate, dropRunDatabases } from "./test-databases";

export default async function setup(project: TestProject) {
  const pg = await ensurePostgres();
  const redis = await ensureRedis();
  const runId = randomBytes(4).toString("hex");
  await createTemplate(pg.url, runId);
  project.provide("adminDatabaseUrl", pg.url);
  project.provide("redisUrl", redis.url);
  project.provide("runId", runId);
  return async () => {
    await dropRunDatabases(pg.url, runId);
    await redis.stop();
    await pg.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    redisUrl: string;
    runId: string;
  }
}
