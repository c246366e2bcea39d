// npm test: unit, integration (real PostgreSQL and Redis) and end-to-end (Debian's Chromium)
// suites, ending with one line "N passed, N failed" summed over all of them.
import { randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { migrateDatabase } from "@/db/migrate";
import { bin, freePort, ROOT, run } from "./processes";
import { dropDatabases, ensurePostgres, ensureRedis, MissingServiceError, recreateDatabase } from "./services";

const RESULTS = path.join(ROOT, "test-results");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

type Counts = { passed: number; failed: number };

function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    throw new MissingServiceError(`Chromium not found at ${CHROMIUM}. Install it (sudo apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  console.log("Installing Chromium from Debian (apt-get install chromium)…");
  spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  const result = spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  if (result.status !== 0 || !fs.existsSync(CHROMIUM)) throw new MissingServiceError("Could not install Chromium with apt-get.");
}

function readJson(file: string) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

async function runVitest(env: NodeJS.ProcessEnv, filters: string[]): Promise<Counts> {
  const out = path.join(RESULTS, "vitest.json");
  fs.rmSync(out, { force: true });
  const code = await run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`, ...filters], { env });
  const report = readJson(out);
  if (!report) return { passed: 0, failed: 1 };
  // A suite that fails to load counts as a failure even though it ran no test.
  const brokenFiles = (report.testResults ?? []).filter((f: { status: string; assertionResults: unknown[] }) => f.status === "failed" && f.assertionResults.length === 0).length;
  return { passed: report.numPassedTests, failed: report.numFailedTests + brokenFiles + (code !== 0 && report.numFailedTests === 0 && brokenFiles === 0 ? 1 : 0) };
}

async function createE2eDatabase(serverUrl: string, name: string) {
  const url = await recreateDatabase(serverUrl, name);
  await migrateDatabase(url);
  return url;
}

// A check that passes or fails as a whole counts as one test.
async function check(title: string, command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Counts> {
  console.log(title);
  const code = await run(command, args, { env });
  return code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
}

// One e2e run at a time per checkout: the build lives in .next, which Next.js will not
// let two runs share.
async function withBuildLock<T>(fn: () => Promise<T>) {
  const lock = path.join(ROOT, ".next-build.lock");
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, "pid"), String(process.pid));
      break;
    } catch {
      const holder = Number(fs.readFileSync(path.join(lock, "pid"), "utf8").trim() || 0);
      let alive = false;
      try {
        process.kill(holder, 0);
        alive = true;
      } catch {}
      if (!alive) fs.rmSync(lock, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

async function runPlaywright(env: NodeJS.ProcessEnv, filters: string[]): Promise<Counts> {
  const out = path.join(RESULTS, "playwright.json");
  fs.rmSync(out, { force: true });
  const code = await run(bin("playwright"), ["test", ...filters], { env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: out } });
  const report = readJson(out);
  if (!report) return { passed: 0, failed: 1 };
  const { expected = 0, unexpected = 0, flaky = 0 } = report.stats ?? {};
  const setupErrors = (report.errors ?? []).length;
  return { passed: expected + flaky, failed: unexpected + setupErrors + (code !== 0 && unexpected === 0 && setupErrors === 0 ? 1 : 0) };
}

async function main() {
  fs.mkdirSync(RESULTS, { recursive: true });
  ensureChromium();
  const pg = await ensurePostgres();
  const redis = await ensureRedis();
  const runId = randomBytes(4).toString("hex");
  const baseEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: pg.url, REDIS_URL: redis.url, NEXT_TELEMETRY_DISABLED: "1" };
  const totals: Counts = { passed: 0, failed: 0 };
  const add = (c: Counts) => {
    totals.passed += c.passed;
    totals.failed += c.failed;
  };

  try {
    const only = process.argv[2];
    if (!only) {
      add(await check("Type-checking (tsc --noEmit)…", bin("tsc"), ["--noEmit"], baseEnv));
      add(await check("Checking the layering rules (npm run lint:layers)…", "npm", ["run", "--silent", "lint:layers"], baseEnv));
    }
    if (!only || only === "vitest") add(await runVitest(baseEnv, only === "vitest" ? process.argv.slice(3) : []));
    if (!only || only === "e2e") {
      const e2eDb = `relais_e2e_${runId}`;
      const databaseUrl = await createE2eDatabase(pg.url, e2eDb);
      const port = await freePort();
      const env: NodeJS.ProcessEnv = {
        ...baseEnv,
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
        QUEUE_PREFIX: `relais-e2e-${runId}`,
        APP_URL: `http://localhost:${port}`,
        AUTH_SECRET: randomBytes(16).toString("hex"),
        // Every e2e browser comes from 127.0.0.1: one address for the whole suite's sign-ins.
        RATE_LIMIT_ADDRESS_FACTOR: "100",
        E2E_PORT: String(port),
        E2E_SMTP_PORT: String(await freePort()),
        E2E_MAIL_DIR: path.join(RESULTS, `mail-${runId}`),
        CHROMIUM_PATH: CHROMIUM,
      };
      env.SMTP_URL = `smtp://127.0.0.1:${env.E2E_SMTP_PORT}`;
      await withBuildLock(async () => {
        console.log("Building the web app for end-to-end tests (next build)…");
        if ((await run(bin("next"), ["build"], { env })) !== 0) add({ passed: 0, failed: 1 });
        else add(await runPlaywright(env, process.argv.slice(3)));
      });
      await dropDatabases(pg.url, [e2eDb]);
    }
  } finally {
    await redis.stop();
    await pg.stop();
  }
  console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
  process.exit(totals.failed > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error instanceof MissingServiceError ? `✖ ${error.message}` : error);
  console.log("\n0 passed, 1 failed");
  process.exit(1);
});
