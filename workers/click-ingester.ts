// The click ingester: consumer-group readers of the click stream that write clicks to
// PostgreSQL in batches. Started by workers/index.ts; any number of worker processes may run
// it (each reader takes its own share of the stream). Also runnable alone to scale it apart:
// `tsx workers/click-ingester.ts`.
import os from "node:os";
import type { Redis } from "ioredis";
import { ingestClickEntries, type DeadClick } from "@/lib/clicks/ingest";
import { createRedis } from "@/lib/redis";
import { linkKeys, linksConfig, type LinksConfig } from "@/lib/tracked-links/config";

type Entry = [id: string, fields: string[] | null];

export type ClickIngester = {
  // Resolves when the stream holds no entry left to ingest (tests, benchmarks).
  idle(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
  readonly stats: { received: number; inserted: number; dead: number; batches: number };
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Entries stay pending (delivered, not acknowledged) until their clicks are committed: a
// crash or a PostgreSQL outage loses nothing. A reader retries its own batch until
// PostgreSQL takes it (clicks it refuses for good are set aside, see setAside); entries of
// a reader that died are claimed by another after
// CLICK_CLAIM_IDLE_MS. Acknowledged entries are deleted, so the stream only ever holds work
// not yet done. Several readers per process (CLICK_INGEST_READERS) overlap one batch's
// PostgreSQL insert with the next one's Redis work.
export function startClickIngester(options: { config?: Partial<LinksConfig>; consumer?: string } = {}): ClickIngester {
  const config = linksConfig(options.config);
  const keys = linkKeys(config.QUEUE_PREFIX);
  const consumer = options.consumer ?? `${os.hostname()}-${process.pid}`;
  const stats = { received: 0, inserted: 0, dead: 0, batches: 0 };
  let running = true;
  let busy = 0;

  function startReader(name: string) {
    // Blocking reads need a connection of their own; commands wait through reconnects.
    const redis: Redis = createRedis({ maxRetriesPerRequest: null });
    redis.on("error", () => {});
    let lastClaim = 0;
    let working = false;

    async function ensureGroup() {
      try {
        await redis.xgroup("CREATE", keys.stream, keys.group, "0", "MKSTREAM");
      } catch (error) {
        if (!String((error as Error).message).includes("BUSYGROUP")) throw error;
      }
    }

    async function claimAbandoned(): Promise<Entry[]> {
      if (Date.now() - lastClaim < config.CLICK_CLAIM_IDLE_MS / 2) return [];
      lastClaim = Date.now();
      const [, entries] = (await redis.xautoclaim(keys.stream, keys.group, name, config.CLICK_CLAIM_IDLE_MS, "0-0", "COUNT", 100)) as [string, Entry[]];
      return entries;
    }

    async function readNew(): Promise<Entry[]> {
      const count = Math.max(1, Math.ceil(config.CLICK_INGEST_BATCH / 500));
      const reply = (await redis.xreadgroup("GROUP", keys.group, name, "COUNT", count, "BLOCK", 1_000, "STREAMS", keys.stream, ">")) as [string, Entry[]][] | null;
      return reply?.[0]?.[1] ?? [];
    }

    // Clicks PostgreSQL refused for good wait in a dead-letter stream with the reason, for
    // someone to look at (and XADD back to the click stream once fixed), instead of
    // holding the whole stream back.
    async function setAside(dead: DeadClick[]) {
      const byError = new Map<string, string[]>();
      for (const click of dead) byError.set(click.error, [...(byError.get(click.error) ?? []), click.line]);
      for (const [error, lines] of byError) {
        await redis.xadd(keys.deadLetters, "*", "d", lines.join("\n"), "error", error, "at", new Date().toISOString());
        console.error(`[clicks] ${lines.length} clicks refused by PostgreSQL set aside in ${keys.deadLetters}: ${error}`);
      }
    }

    async function ingestEntries(entries: Entry[]) {
      const payloads = entries.flatMap(([, fields]) => (fields && fields[0] === "d" ? [fields[1]] : []));
      // Until PostgreSQL takes the batch: the same entries, the same click ids, no double.
      for (;;) {
        try {
          const result = await ingestClickEntries(redis, keys, payloads, { agentsPerAddress: config.CLICK_AGENTS_PER_ADDRESS });
          if (result.dead.length > 0) await setAside(result.dead);
          stats.received += result.received;
          stats.inserted += result.inserted;
          stats.dead += result.dead.length;
          stats.batches++;
          break;
        } catch (error) {
          // Stopping: leave the entries pending for the next ingester.
          if (!running) return;
          console.error(`[clicks] batch of ${entries.length} entries not written yet: ${(error as Error).message}`);
          await sleep(config.CLICK_RETRY_MS);
        }
      }
      const ids = entries.map(([id]) => id);
      await redis.pipeline().xack(keys.stream, keys.group, ...ids).xdel(keys.stream, ...ids).exec();
    }

    const loop = (async () => {
      await ensureGroup().catch(() => {});
      while (running) {
        try {
          const entries = [...(await claimAbandoned()), ...(await readNew())];
          if (entries.length === 0) continue;
          working = true;
          busy++;
          try {
            await ingestEntries(entries);
          } finally {
            working = false;
            busy--;
          }
        } catch (error) {
          const message = String((error as Error).message);
          // Redis restarted empty (or the stream was removed): recreate the group and go on.
          if (message.includes("NOGROUP")) await ensureGroup().catch(() => {});
          else if (running) console.error(`[clicks] ingester: ${message}`);
          if (running) await sleep(Math.min(config.CLICK_RETRY_MS, 1_000));
        }
      }
    })();

    return {
      redis,
      async close() {
        // Waiting for new entries: cut the blocking read short. Mid-batch: let it finish.
        if (!working) redis.disconnect();
        await loop;
        redis.disconnect();
      },
    };
  }

  const readers = Array.from({ length: config.CLICK_INGEST_READERS }, (_, i) => startReader(`${consumer}-${i}`));

  return {
    stats,
    async idle(timeoutMs = 30_000) {
      const redis = readers[0].redis;
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const [length, pending] = await Promise.all([redis.xlen(keys.stream), redis.xpending(keys.stream, keys.group).catch(() => [0])]);
        if (length === 0 && Number((pending as unknown[])[0]) === 0 && busy === 0) return true;
        await sleep(100);
      }
      return false;
    },
    async close() {
      running = false;
      await Promise.all(readers.map((reader) => reader.close()));
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const ingester = startClickIngester();
  console.log("[clicks] ingester started");
  const stop = async () => {
    await ingester.close();
    const { closeDb } = await import("@/db/client");
    await closeDb();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}
