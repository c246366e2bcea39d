import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { organizations } from "@/db/schema";
import { encodeClick } from "@/lib/clicks/click-record";
import { ingestClickEntries } from "@/lib/clicks/ingest";
import { getRedis } from "@/lib/redis";
import { linkKeys } from "@/lib/tracked-links/config";
import { unique } from "@/tests/factories";
import { startClickIngester, type ClickIngester } from "@/workers/click-ingester";
import { startScript, until } from "./private-services";
import { CHROME, clickCounts, deleteKeys, sharedLink } from "./support";

const chunkPairs = (flat: string[]) => Array.from({ length: flat.length / 2 }, (_, i) => [flat[2 * i], flat[2 * i + 1]] as const);

function clicksFor(code: string, n: number, visitor = "v") {
  const run = unique();
  return Array.from({ length: n }, (_, i) =>
    encodeClick({ id: `${run}-${i}`, code, at: Date.now(), visitorHash: `${visitor}${i}`, country: "", referrerDomain: "", filter: "", viewer: "", userAgent: CHROME }),
  );
}

const AGENTS = { agentsPerAddress: 5 };
const running: ClickIngester[] = [];
const prefixes: string[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((i) => i.close()));
  for (const prefix of prefixes.splice(0)) await deleteKeys(`${prefix}:*`);
});

// Redis keys of this test only.
function newPrefix() {
  const prefix = unique("ingest-");
  prefixes.push(prefix);
  return prefix;
}

function ingester(prefix: string, config: Record<string, number> = {}) {
  const started = startClickIngester({ config: { QUEUE_PREFIX: prefix, ...config }, consumer: unique("consumer-") });
  running.push(started);
  return started;
}

describe("click ingestion", () => {
  it("stores each click once when the same entries are ingested twice", async () => {
    const { code, link } = await sharedLink();
    const keys = linkKeys(newPrefix());
    const payload = clicksFor(code, 50).join("\n");
    expect(await ingestClickEntries(getRedis(), keys, [payload], AGENTS)).toMatchObject({ received: 50, inserted: 50 });
    expect(await ingestClickEntries(getRedis(), keys, [payload], AGENTS)).toMatchObject({ received: 50, inserted: 0 });
    expect(await clickCounts(link.id)).toEqual({ human: 50, unique: 50 });
  });

  it("stores each click once when a redirect sent the same batch to the stream twice", async () => {
    const { code, link } = await sharedLink();
    const prefix = newPrefix();
    const keys = linkKeys(prefix);
    const payload = clicksFor(code, 30).join("\n");
    await getRedis().xadd(keys.stream, "*", "d", payload);
    await getRedis().xadd(keys.stream, "*", "d", payload);
    expect(await ingester(prefix).idle()).toBe(true);
    expect(await clickCounts(link.id)).toEqual({ human: 30, unique: 30 });
  });

  it("stores each click exactly once with two ingesters reading one stream", async () => {
    const { code, link } = await sharedLink();
    const prefix = newPrefix();
    const keys = linkKeys(prefix);
    const first = ingester(prefix);
    const second = ingester(prefix);
    for (let batch = 0; batch < 40; batch++) await getRedis().xadd(keys.stream, "*", "d", clicksFor(code, 50, `b${batch}-`).join("\n"));
    expect(await first.idle()).toBe(true);
    expect(await second.idle()).toBe(true);
    expect(await clickCounts(link.id)).toEqual({ human: 2_000, unique: 2_000 });
    expect(first.stats.received + second.stats.received).toBe(2_000);
  });

  it("takes over the entries a crashed ingester had read but not written", async () => {
    const { code, link } = await sharedLink();
    const prefix = newPrefix();
    const keys = linkKeys(prefix);
    await getRedis().xgroup("CREATE", keys.stream, keys.group, "0", "MKSTREAM");
    await getRedis().xadd(keys.stream, "*", "d", clicksFor(code, 10).join("\n"));
    // A consumer reads the entry, then dies before writing it.
    const read = await getRedis().xreadgroup("GROUP", keys.group, "crashed", "COUNT", 10, "STREAMS", keys.stream, ">");
    expect(read).not.toBeNull();
    expect(await clickCounts(link.id)).toEqual({ human: 0, unique: 0 });
    const survivor = ingester(prefix, { CLICK_CLAIM_IDLE_MS: 300 });
    await new Promise((r) => setTimeout(r, 400));
    expect(await survivor.idle(10_000)).toBe(true);
    expect(await clickCounts(link.id)).toEqual({ human: 10, unique: 10 });
  });

  it("leaves the stream empty once clicks are written", async () => {
    const { code } = await sharedLink();
    const prefix = newPrefix();
    const keys = linkKeys(prefix);
    await getRedis().xadd(keys.stream, "*", "d", clicksFor(code, 5).join("\n"));
    expect(await ingester(prefix).idle()).toBe(true);
    expect(await getRedis().xlen(keys.stream)).toBe(0);
  });

  it("deletes an organisation's clicks with the organisation, and no one else's", async () => {
    const doomed = await sharedLink();
    const kept = await sharedLink();
    const keys = linkKeys(newPrefix());
    await ingestClickEntries(getRedis(), keys, [clicksFor(doomed.code, 3).join("\n"), clicksFor(kept.code, 2).join("\n")], AGENTS);
    await db.delete(organizations).where(eq(organizations.id, doomed.org.id));
    expect(await clickCounts(doomed.link.id)).toEqual({ human: 0, unique: 0 });
    expect(await clickCounts(kept.link.id)).toEqual({ human: 2, unique: 2 });
  });

  it("drops clicks whose code no longer exists instead of blocking the stream", async () => {
    const { code, link } = await sharedLink();
    const keys = linkKeys(newPrefix());
    const payload = [...clicksFor("Gone0Gone0G", 3), ...clicksFor(code, 2)].join("\n");
    expect(await ingestClickEntries(getRedis(), keys, [payload], AGENTS)).toMatchObject({ received: 5, inserted: 2 });
    expect(await clickCounts(link.id)).toEqual({ human: 2, unique: 2 });
  });

  it("sets clicks PostgreSQL refuses for good aside with the error, and stores the rest of their batch", async () => {
    const { code, link } = await sharedLink();
    const prefix = newPrefix();
    const keys = linkKeys(prefix);
    const broken = encodeClick({ id: `${unique()}-broken`, code, at: 1e20, visitorHash: "far-future", country: "", referrerDomain: "", filter: "", viewer: "", userAgent: CHROME });
    await getRedis().xadd(keys.stream, "*", "d", [...clicksFor(code, 2, "a"), broken, ...clicksFor(code, 2, "b")].join("\n"));
    await getRedis().xadd(keys.stream, "*", "d", clicksFor(code, 3, "c").join("\n"));
    const running = ingester(prefix);
    expect(await running.idle()).toBe(true);
    expect(await clickCounts(link.id)).toEqual({ human: 7, unique: 7 });
    expect(running.stats.dead).toBe(1);
    const dead = await getRedis().xrange(keys.deadLetters, "-", "+");
    expect(dead).toHaveLength(1);
    const fields = Object.fromEntries(chunkPairs(dead[0][1]));
    expect(fields.d).toBe(broken);
    expect(fields.error).toMatch(/out of range/);
    expect(await getRedis().xlen(keys.stream)).toBe(0);
  });

  it("writes the very first batch of a freshly started ingester process on the first try", async () => {
    const { code, link } = await sharedLink();
    const prefix = newPrefix();
    await getRedis().xadd(linkKeys(prefix).stream, "*", "d", clicksFor(code, 4).join("\n"));
    // Retries would be logged and spaced a minute apart.
    const process = startScript("workers/click-ingester.ts", { QUEUE_PREFIX: prefix, CLICK_RETRY_MS: "60000" });
    try {
      await until(async () => (await clickCounts(link.id)).human === 4, "the first batch written", 20_000);
      expect(process.stderr()).not.toMatch(/not written yet|cannot cast|malformed array/);
    } finally {
      await process.stop();
    }
  });
});
