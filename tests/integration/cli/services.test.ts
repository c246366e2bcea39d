import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { canConnectRedis, MissingServiceError, startEmbeddedPostgres, startRedisServer } from "@/scripts/cli/services";

// The fallbacks `npm run demo` uses on a machine without PostgreSQL or Redis running.
describe("service discovery fallbacks", () => {
  it("starts an embedded PostgreSQL that keeps its data in the given folder", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "relais-pg-"));
    const pg = await startEmbeddedPostgres(() => {}, dir);
    try {
      const sql = postgres(pg.url, { max: 1 });
      const [{ answer }] = await sql`select 40 + 2 as answer`;
      await sql.end();
      expect(answer).toBe(42);
      expect(fs.existsSync(path.join(dir, "postgres", "PG_VERSION"))).toBe(true);
    } finally {
      await pg.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("starts redis-server from the PATH on a free port", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "relais-redis-"));
    const redis = await startRedisServer(() => {}, dir);
    try {
      expect(await canConnectRedis(redis.url)).toBe(true);
      expect(redis.url).not.toBe("redis://127.0.0.1:6379");
    } finally {
      await redis.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says what to install, at once, when no redis-server can be found", async () => {
    const started = Date.now();
    const error = await startRedisServer(() => {}, os.tmpdir(), "/nonexistent").catch((e) => e);
    expect(error).toBeInstanceOf(MissingServiceError);
    expect(error.message).toMatch(/apt-get install redis-server/);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
