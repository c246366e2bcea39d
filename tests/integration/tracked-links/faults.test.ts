import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import { count, eq } from "drizzle-orm";
import { Redis } from "ioredis";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "@/db/migrate";
import * as schema from "@/db/schema";
import { clicks, memberships, organizations, posts, trackedLinks, users } from "@/db/schema";
import { writeLinkCache } from "@/lib/tracked-links/cache";
import { createLinkCode } from "@/lib/tracked-links/codes";
import { linkKeys } from "@/lib/tracked-links/config";
import { withDatabase } from "@/scripts/cli/services";
import { unique } from "@/tests/factories";
import { freePort } from "@/scripts/cli/processes";
import { startPrivatePostgres, startPrivateRedis, startScript, until } from "./private-services";
import { hit } from "./support";

// Outages with real servers stopped and started again: PostgreSQL for a few seconds (a
// minute in the issue, shortened through CLICK_RETRY_MS), PostgreSQL long enough for the
// stream to pass its bound (made small), then Redis longer than the redirect's memory
// buffer lasts (made small). The redirect and the ingester run as the separate processes
// they are in production.
const PREFIX = unique("faults-");
const keys = linkKeys(PREFIX);

let pg: Awaited<ReturnType<typeof startPrivatePostgres>>;
let redisServer: Awaited<ReturnType<typeof startPrivateRedis>>;
let redirectServer: ReturnType<typeof startScript>;
let ingester: ReturnType<typeof startScript>;
let sql: postgres.Sql;
let database: ReturnType<typeof drizzle<typeof schema>>;
let redis: Redis;
let base: string;
let spillDir: string;
const STREAM_BOUND = 30;
let orgId: string;
let membershipId: string;

async function newLink(destination: string) {
  const [post] = await database.insert(posts).values({ organizationId: orgId, status: "published", publishedAt: new Date(), linkUrl: destination }).returning();
  const [link] = await database.insert(trackedLinks).values({ organizationId: orgId, code: createLinkCode(), membershipId, postId: post.id, network: "linkedin" }).returning();
  return { post, link, expected: `${destination}?utm_source=linkedin&utm_medium=advocacy&utm_content=${post.id}` };
}

// The redirect process's health lines, as numbers.
async function health() {
  const { body } = await hit(`${base}/healthz`);
  return Object.fromEntries(body.split("\n").filter((line) => line.startsWith("relais_")).map((line) => [line.split(" ")[0], Number(line.split(" ")[1])]));
}

async function storedClicks(linkId: string) {
  const [row] = await database.select({ n: count() }).from(clicks).where(eq(clicks.linkId, linkId));
  return row.n;
}

beforeAll(async () => {
  [pg, redisServer] = await Promise.all([startPrivatePostgres(), startPrivateRedis()]);
  await postgres(pg.url, { max: 1, onnotice: () => {} }).unsafe("create database relais").then(() => {});
  const databaseUrl = withDatabase(pg.url, "relais");
  await migrateDatabase(databaseUrl);
  // Reconnects by itself after PostgreSQL comes back.
  sql = postgres(databaseUrl, { max: 2, onnotice: () => {}, connect_timeout: 2 });
  database = drizzle(sql, { schema, casing: "snake_case" });
  redis = new Redis(redisServer.url, { maxRetriesPerRequest: null });
  redis.on("error", () => {});

  const [org] = await database.insert(organizations).values({ name: "Pannes", slug: unique("pannes-") }).returning();
  const [user] = await database.insert(users).values({ email: `${unique()}@example.test` }).returning();
  const [membership] = await database.insert(memberships).values({ organizationId: org.id, userId: user.id, role: "staff" }).returning();
  orgId = org.id;
  membershipId = membership.id;

  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  spillDir = fs.mkdtempSync(path.join(os.tmpdir(), "relais-faults-spill-"));
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisServer.url,
    QUEUE_PREFIX: PREFIX,
    REDIRECT_PORT: String(port),
    HOSTNAME: "127.0.0.1",
    LINK_DB_TIMEOUT_MS: "1000",
    LINK_REDIS_TIMEOUT_MS: "200",
    CLICK_RETRY_MS: "300",
    CLICK_CLAIM_IDLE_MS: "5000",
    CLICK_STREAM_BOUND: String(STREAM_BOUND),
    CLICK_BUFFER_MAX: "10",
    CLICK_SPILL_DIR: spillDir,
  };
  redirectServer = startScript("redirect-server.ts", env);
  ingester = startScript("workers/click-ingester.ts", env);
  await until(async () => (await hit(`${base}/healthz`).catch(() => null))?.status === 200, "redirect server start", 60_000);
}, 120_000);

afterAll(async () => {
  await Promise.all([redirectServer?.stop(), ingester?.stop()]);
  redis?.disconnect();
  await sql?.end({ timeout: 1 }).catch(() => {});
  await Promise.all([pg?.remove(), redisServer?.remove()]);
  fs.rmSync(spillDir, { recursive: true, force: true });
}, 60_000);

describe("faults", () => {
  it("keeps redirecting from the cache while PostgreSQL is stopped, and loses no click once it is back", async () => {
    const { link, expected } = await newLink("https://example.org/pendant-la-panne");
    await writeLinkCache(redis, keys, [{ code: link.code, url: expected, orgId, postId: link.postId }]);

    await pg.stop();
    for (let i = 0; i < 20; i++) {
      const started = Date.now();
      const response = await hit(`${base}/l/${link.code}`, { headers: { "user-agent": `Mozilla/5.0 (X11; Linux x86_64) Firefox/${100 + i}.0` } });
      expect(response.status).toBe(302);
      expect(response.location).toBe(expected);
      // Answered from Redis or memory: no wait on the stopped database.
      expect(Date.now() - started).toBeLessThan(500);
    }
    // The clicks wait in the stream while the ingester retries.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(await redis.xlen(keys.stream)).toBeGreaterThan(0);

    await pg.start();
    await until(async () => (await storedClicks(link.id).catch(() => 0)) >= 20, "clicks written after PostgreSQL came back", 30_000);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await storedClicks(link.id)).toBe(20);
    expect(await redis.xlen(keys.stream)).toBe(0);
  }, 120_000);

  it("keeps every click of a long PostgreSQL outage: the stream is never trimmed, the overflow past its bound waits on disk, and all are stored once PostgreSQL is back", async () => {
    const { link, expected } = await newLink("https://example.org/longue-panne");
    await writeLinkCache(redis, keys, [{ code: link.code, url: expected, orgId, postId: link.postId }]);
    const firstEntry = async () => (await redis.xrange(keys.stream, "-", "+", "COUNT", 1))[0]?.[0];
    const clicksInStream = async () => (await redis.xrange(keys.stream, "-", "+")).reduce((n, [, fields]) => n + fields[1].split("\n").length, 0);

    await pg.stop();
    const sent = 150;
    let oldest: string | undefined;
    for (let i = 0; i < sent; i++) {
      const response = await hit(`${base}/l/${link.code}`, { headers: { "user-agent": `Mozilla/5.0 (X11; Linux x86_64) Firefox/${i}.0` } });
      expect(response.status).toBe(302);
      expect(response.location).toBe(expected);
      oldest ??= await firstEntry();
      // Spread over many flushes, so that the stream gets many entries.
      await new Promise((r) => setTimeout(r, 12));
    }
    await until(async () => (await health()).relais_click_stream_over_bound === 1, "the stream reported past its bound");
    // Nothing was trimmed: the oldest entry is still there, and stream plus disk hold every click.
    expect(await firstEntry()).toBe(oldest);
    expect(await redis.xlen(keys.stream)).toBeGreaterThan(STREAM_BOUND);
    await until(async () => (await clicksInStream()) + (await health()).relais_clicks_spilled_waiting === sent, "every click in the stream or on disk");
    expect(fs.readdirSync(spillDir).length).toBeGreaterThan(0);
    expect(redirectServer.stderr()).toMatch(/click stream holds \d+ entries \(bound 30\)/);

    await pg.start();
    await until(async () => (await storedClicks(link.id).catch(() => 0)) >= sent, "every click written after PostgreSQL came back", 60_000);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await storedClicks(link.id)).toBe(sent);
    expect(await redis.xlen(keys.stream)).toBe(0);
    expect(fs.readdirSync(spillDir)).toEqual([]);
    expect(await health()).toMatchObject({ relais_click_stream_over_bound: 0, relais_clicks_spilled_waiting: 0, relais_clicks_lost_total: 0 });
  }, 180_000);

  it("keeps redirecting from PostgreSQL while Redis is unreachable, and flushes the buffered clicks when it returns", async () => {
    const { link, expected } = await newLink("https://example.org/sans-redis");

    await redisServer.stop();
    for (let i = 0; i < 15; i++) {
      const started = Date.now();
      const response = await hit(`${base}/l/${link.code}`, { headers: { "user-agent": `Mozilla/5.0 (Macintosh) Safari/${600 + i}` } });
      expect(response.status).toBe(302);
      expect(response.location).toBe(expected);
      expect(Date.now() - started).toBeLessThan(1_500);
    }
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await storedClicks(link.id)).toBe(0);

    // Ten in memory (CLICK_BUFFER_MAX), the older five on disk.
    expect(await health()).toMatchObject({ relais_clicks_buffered: 10, relais_clicks_spilled_waiting: 5 });

    await redisServer.start();
    await until(async () => (await storedClicks(link.id)) >= 15, "buffered clicks written after Redis came back", 30_000);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await storedClicks(link.id)).toBe(15);
    expect(await health()).toMatchObject({ relais_clicks_buffered: 0, relais_clicks_spilled_waiting: 0, relais_clicks_lost_total: 0 });
  }, 120_000);
});
