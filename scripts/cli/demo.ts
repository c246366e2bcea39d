// npm run demo: find or start PostgreSQL and Redis, migrate, seed the demo workspace once,
// build, then run the web app and the workers until Ctrl-C.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { migrateDatabase } from "@/db/migrate";
import { demoEnv } from "./demo-env";
import { bin, ROOT, run, start } from "./processes";
import { DATA_DIR, ensureDatabaseExists, ensurePostgres, ensureRedis, MissingServiceError } from "./services";

const started: { stop(): Promise<void> }[] = [];

function authSecret() {
  const file = path.join(DATA_DIR, "auth-secret");
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (!fs.existsSync(file)) {
    fs.mkdirSync(DATA_DIR, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"));
  }
  return fs.readFileSync(file, "utf8").trim();
}

function needsBuild() {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const builtAt = fs.statSync(buildId).mtimeMs;
  const newest = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => {
      const full = path.join(dir, entry.name);
      return Math.max(max, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
    }, 0);
  return ["app", "lib", "messages", "db", "public"].some((d) => fs.existsSync(path.join(ROOT, d)) && newest(path.join(ROOT, d)) > builtAt);
}

async function main() {
  const log = (m: string) => console.log(m);
  const pg = await ensurePostgres(log);
  started.push(pg);
  const redis = await ensureRedis(log);
  started.push(redis);
  log(`PostgreSQL: ${pg.origin} · Redis: ${redis.origin}`);

  let databaseUrl = pg.url;
  if (!process.env.DATABASE_URL) databaseUrl = await ensureDatabaseExists(pg.url, "relais");
  const env = demoEnv(process.env, { databaseUrl, redisUrl: redis.url, authSecret: authSecret() });
  const appUrl = env.APP_URL;
  Object.assign(process.env, env);

  await migrateDatabase(databaseUrl);
  log("Database migrated.");
  const { seedDemo } = await import("@/scripts/seed/demo");
  await seedDemo(log);

  if (needsBuild()) {
    log("Building the web app (next build)…");
    if ((await run(bin("next"), ["build"], { env })) !== 0) throw new Error("next build failed");
  }

  const web = start("web", bin("tsx"), ["server.ts"], env);
  const worker = start("worker", bin("tsx"), ["workers/index.ts"], env);
  const children = [web, worker];
  log(`\n  Relais is starting on ${appUrl}\n  Sign in: open ${appUrl}/sign-in and pick a demo person (development sign-in ${env.AUTH_DEV_LOGIN === "0" ? "is off" : "is on"}),\n  or ask for a magic link: without SMTP_URL the link is printed here.\n  Ctrl-C stops everything.\n`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    log("\nStopping…");
    for (const child of children) child.kill("SIGTERM");
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once("exit", r)))));
    for (const service of started.reverse()) await service.stop().catch(() => {});
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  for (const child of children) child.once("exit", (code) => { if (!stopping) { log(`A process exited (${code}); stopping.`); void stop(); } });
}

main().catch(async (error) => {
  console.error(error instanceof MissingServiceError ? `\n✖ ${error.message}\n` : error);
  for (const service of started.reverse()) await service.stop().catch(() => {});
  process.exit(1);
});
