// npm run bench [-- name]: runs each bench/<name>.bench.ts in its own scratch database and
// writes bench/results/<name>.json (format: ../shared/BENCH.md).
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { ensurePostgres, ensureRedis } from "@/scripts/cli/services";
import { type Benchmark, withScratchDatabase, writeResult } from "./harness";

const only = process.argv[2];
const files = fs
  .readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => !only || f === `${only}.bench.ts`);
if (files.length === 0) {
  console.error(only ? `No benchmark named ${only}` : "No benchmarks found");
  process.exit(1);
}

const pg = await ensurePostgres();
const redis = await ensureRedis();
let failed = false;
for (const file of files) {
  const bench: Benchmark = (await import(path.join(import.meta.dirname, file))).default;
  console.log(`\n▶ ${bench.name}`);
  try {
    const result = await withScratchDatabase(pg.url, bench.name, async (databaseUrl) => {
      process.env.DATABASE_URL = databaseUrl;
      process.env.REDIS_URL = redis.url;
      const queuePrefix = `relais-bench-${randomBytes(3).toString("hex")}`;
      process.env.QUEUE_PREFIX = queuePrefix;
      const r = await bench.run({ adminDatabaseUrl: pg.url, redisUrl: redis.url, databaseUrl, queuePrefix });
      const { closeDb } = await import("@/db/client");
      await closeDb();
      return r;
    });
    console.log(JSON.stringify(writeResult(bench.name, result), null, 2));
  } catch (error) {
    failed = true;
    console.error(`✖ ${bench.name} failed`, error);
  }
}
await redis.stop();
await pg.stop();
process.exit(failed ? 1 : 0);
