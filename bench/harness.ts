import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDatabase } from "@/db/migrate";
import { dropDatabases, recreateDatabase } from "@/scripts/cli/services";

export type BenchContext = {
  adminDatabaseUrl: string;
  redisUrl: string;
  // A fresh, migrated database of the benchmark's own, dropped when it ends.
  databaseUrl: string;
  queuePrefix: string;
};

export type BenchResult = { metrics: Record<string, number>; notes: string };

export type Benchmark = { name: string; run(ctx: BenchContext): Promise<BenchResult> };

export function defineBenchmark(name: string, run: Benchmark["run"]): Benchmark {
  return { name, run };
}

export async function withScratchDatabase<T>(serverUrl: string, name: string, fn: (url: string) => Promise<T>) {
  const database = `relais_bench_${name.replace(/\W/g, "_")}_${randomBytes(3).toString("hex")}`;
  const url = await recreateDatabase(serverUrl, database);
  try {
    await migrateDatabase(url);
    return await fn(url);
  } finally {
    await dropDatabases(serverUrl, [database]).catch(() => {});
  }
}

export function writeResult(name: string, result: BenchResult) {
  const out = {
    bench: name,
    at: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    metrics: result.metrics,
    notes: result.notes,
  };
  const dir = path.join(import.meta.dirname, "results");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(out, null, 2)}\n`);
  return out;
}

export function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function median(values: number[]) {
  return percentile(values, 50);
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
