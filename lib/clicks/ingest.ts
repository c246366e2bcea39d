import type { Redis } from "ioredis";
import { LRUCache } from "lru-cache";
import { UAParser } from "ua-parser-js";
import type { LinkKeys } from "@/lib/tracked-links/config";
import { decodeClicks, type ClickRecord } from "./click-record";
import { insertClickBatch, type ClickRow } from "./queries";

type UserAgentClass = Pick<ClickRow, "deviceClass" | "browserFamily">;

const DAY_MS = 86_400_000;
const INSERT_CHUNK = 5_000;

// Parsing a user agent costs ~0.2 ms; a few thousand distinct ones make nearly all traffic.
const userAgentClasses = new LRUCache<string, UserAgentClass>({ max: 10_000 });

export function classifyUserAgent(userAgent: string): UserAgentClass {
  let known = userAgentClasses.get(userAgent);
  if (!known) {
    const { device, browser } = UAParser(userAgent);
    const deviceClass = device.type === undefined ? "desktop" : device.type === "mobile" || device.type === "tablet" ? device.type : "other";
    // "Mobile Safari" and "Safari" are one family for analytics.
    known = { deviceClass, browserFamily: browser.name?.replace(/^Mobile /, "") ?? null };
    userAgentClasses.set(userAgent, known);
  }
  return known;
}

// One round trip for a whole batch: per click, SET uv:<code>:<visitor> <click id> NX GET with
// the window's end as PXAT; 1 when the key was free or already named this very click.
const UNIQUE_VERDICTS = `local verdicts = {}
for i = 1, #KEYS do
  local previous = redis.call('SET', KEYS[i], ARGV[2 * i - 1], 'PXAT', ARGV[2 * i], 'NX', 'GET')
  if previous == false or previous == ARGV[2 * i - 1] then verdicts[i] = 1 else verdicts[i] = 0 end
end
return verdicts`;

async function uniqueVerdicts(redis: Redis, keys: LinkKeys, clicks: ClickRecord[]) {
  const verdicts: number[] = [];
  // Chunks keep each script short: Redis runs it alone, so the redirect waits behind it.
  for (let i = 0; i < clicks.length; i += 2_000) {
    const chunk = clicks.slice(i, i + 2_000);
    const args: (string | number)[] = chunk.map((click) => keys.visitor(click.code, click.visitorHash));
    for (const click of chunk) args.push(click.id, click.at + DAY_MS);
    verdicts.push(...((await redis.eval(UNIQUE_VERDICTS, chunk.length, ...args)) as number[]));
  }
  return verdicts;
}

// Stream entries → rows in PostgreSQL. Safe to run again on the same entries (a retry after
// PostgreSQL failed, another ingester that claimed them, a duplicated XADD): the click id
// is the primary key and ON CONFLICT DO NOTHING drops the copy.
//
// The "unique visitor" verdict is made here rather than in the redirect, which keeps the
// redirect to one buffered write per click and lets clicks that waited out a Redis outage
// in a redirect process be judged like the others. SET NX GET stores the id of the click
// that opened the 24-hour window (which runs from that click's own time): a replay of that
// same click reads its own id back and is still the unique one.
export async function ingestClickEntries(redis: Redis, keys: LinkKeys, payloads: string[]) {
  const seen = new Set<string>();
  const clicks = payloads.flatMap(decodeClicks).filter((click) => !seen.has(click.id) && seen.add(click.id));
  if (clicks.length === 0) return { received: 0, inserted: 0 };
  const verdicts = await uniqueVerdicts(redis, keys, clicks);
  const rows: ClickRow[] = clicks.map((click, i) => ({
    id: click.id,
    code: click.code,
    at: click.at,
    visitorHash: click.visitorHash,
    isUnique: verdicts[i] === 1,
    country: click.country || null,
    referrerDomain: click.referrerDomain || null,
    ...classifyUserAgent(click.userAgent),
  }));
  let inserted = 0;
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) inserted += await insertClickBatch(rows.slice(i, i + INSERT_CHUNK));
  return { received: clicks.length, inserted };
}
