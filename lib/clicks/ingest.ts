import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import { LRUCache } from "lru-cache";
import { UAParser } from "ua-parser-js";
import { isRefusedValue } from "@/lib/errors";
import type { LinkKeys } from "@/lib/tracked-links/config";
import { decodeClicks, encodeClick, type ClickRecord } from "./click-record";
import { findLinkOwners, insertClickBatch, type ClickRow } from "./queries";

type UserAgentClass = Pick<ClickRow, "deviceClass" | "browserFamily"> & { agent: string };

const DAY_MS = 86_400_000;
const INSERT_CHUNK = 5_000;

// Parsing a user agent costs ~0.2 ms; a few thousand distinct ones make nearly all traffic.
const userAgentClasses = new LRUCache<string, UserAgentClass>({ max: 10_000 });

export function classifyUserAgent(userAgent: string): UserAgentClass {
  let known = userAgentClasses.get(userAgent);
  if (!known) {
    const { device, browser } = UAParser(userAgent);
    const deviceClass = device.type === undefined ? "desktop" : device.type === "mobile" || device.type === "tablet" ? device.type : "other";
    known = {
      deviceClass,
      // "Mobile Safari" and "Safari" are one family for analytics.
      browserFamily: browser.name?.replace(/^Mobile /, "") ?? null,
      // A short name for the user agent inside the visitor's key in Redis.
      agent: createHash("sha1").update(userAgent).digest("base64url").slice(0, 12),
    };
    userAgentClasses.set(userAgent, known);
  }
  return known;
}

// How a click that passed the redirect's filters counts. One Redis hash per (link, address
// hash), living 24 hours from the first click: field "!" names the click that opened the
// window, and one field per user agent seen names that agent's first click.
//   2 unique: the first click from this address on this link in the window, whatever its
//     user agent (rotating user agents does not make new visitors);
//   1 counted: another browser behind the same address (colleagues behind one office
//     router), up to CLICK_AGENTS_PER_ADDRESS agents;
//   0 repeat: the same address and user agent again, or one agent too many.
// A click already judged (a retried batch) finds its own id and gets the same verdict.
const VERDICTS = `local cap = tonumber(ARGV[1])
local verdicts = {}
for i = 1, #KEYS do
  local key, id, agent = KEYS[i], ARGV[3 * i - 1], ARGV[3 * i]
  local first = redis.call('HGET', key, agent)
  if first == false then
    if redis.call('HLEN', key) > cap then
      verdicts[i] = 0
    else
      redis.call('HSET', key, agent, id)
      if redis.call('HSETNX', key, '!', id) == 1 then
        redis.call('PEXPIREAT', key, ARGV[3 * i + 1])
        verdicts[i] = 2
      else
        verdicts[i] = 1
      end
    end
  elseif first == id then
    verdicts[i] = redis.call('HGET', key, '!') == id and 2 or 1
  else
    verdicts[i] = 0
  end
end
return verdicts`;

const UNIQUE = 2;
const REPEAT = 0;

async function visitorVerdicts(redis: Redis, keys: LinkKeys, clicks: ClickRecord[], agentsPerAddress: number) {
  const verdicts: number[] = [];
  // Chunks keep each script short: Redis runs it alone, so the redirect waits behind it.
  for (let i = 0; i < clicks.length; i += 2_000) {
    const chunk = clicks.slice(i, i + 2_000);
    const args: (string | number)[] = chunk.map((click) => keys.visitor(click.code, click.visitorHash));
    args.push(agentsPerAddress);
    for (const click of chunk) args.push(click.id, classifyUserAgent(click.userAgent).agent, click.at + DAY_MS);
    verdicts.push(...((await redis.eval(VERDICTS, chunk.length, ...args)) as number[]));
  }
  return verdicts;
}

// The sharer's own clicks: the session that came with the click is the link owner's.
async function ownClicks(clicks: ClickRecord[]) {
  const codes = [...new Set(clicks.filter((click) => click.viewer).map((click) => click.code))];
  if (codes.length === 0) return new Set<string>();
  const owners = await findLinkOwners(codes);
  return new Set(clicks.filter((click) => click.viewer && owners.get(click.code) === click.viewer).map((click) => click.id));
}

export type DeadClick = { line: string; error: string };

// Inserts rows; when PostgreSQL refuses values for good, halves the batch until the refused
// clicks stand alone, so that one bad click never holds back the others. Other failures
// (PostgreSQL away) throw: the whole batch is retried later.
async function insertOrSetAside(rows: ClickRow[], clicks: ClickRecord[]): Promise<{ inserted: number; dead: DeadClick[] }> {
  try {
    return { inserted: await insertClickBatch(rows), dead: [] };
  } catch (error) {
    if (!isRefusedValue(error)) throw error;
    if (rows.length === 1) return { inserted: 0, dead: [{ line: encodeClick(clicks[0]), error: (error as Error).message }] };
    const half = Math.ceil(rows.length / 2);
    const [a, b] = [await insertOrSetAside(rows.slice(0, half), clicks.slice(0, half)), await insertOrSetAside(rows.slice(half), clicks.slice(half))];
    return { inserted: a.inserted + b.inserted, dead: [...a.dead, ...b.dead] };
  }
}

// Stream entries → rows in PostgreSQL. Safe to run again on the same entries (a retry after
// PostgreSQL failed, another ingester that claimed them, a duplicated XADD): the click id
// is the primary key and ON CONFLICT DO NOTHING drops the copy.
//
// Every request to a link is kept; `filter_reason` says why one is not a person's click:
// what the redirect saw (bot, preview, head, prefetch), then the sharer's own click (self),
// then repeats (see VERDICTS). Only clicks with no reason count, and `is_unique` marks the
// first of each address. The verdict is made here rather than in the redirect, which keeps
// the redirect to one buffered write per click and lets clicks that waited out an outage be
// judged like the others. Clicks PostgreSQL refuses for good are returned as `dead`, for
// the caller to set aside.
export async function ingestClickEntries(redis: Redis, keys: LinkKeys, payloads: string[], options: { agentsPerAddress: number }) {
  const seen = new Set<string>();
  const clicks = payloads.flatMap(decodeClicks).filter((click) => !seen.has(click.id) && seen.add(click.id));
  if (clicks.length === 0) return { received: 0, inserted: 0, dead: [] as DeadClick[] };
  const own = await ownClicks(clicks);
  const judged = clicks.filter((click) => !click.filter && !own.has(click.id));
  const verdicts = new Map<string, number>();
  const judgedVerdicts = await visitorVerdicts(redis, keys, judged, options.agentsPerAddress);
  judged.forEach((click, i) => verdicts.set(click.id, judgedVerdicts[i]));
  const rows: ClickRow[] = clicks.map((click) => {
    const verdict = verdicts.get(click.id);
    const { deviceClass, browserFamily } = classifyUserAgent(click.userAgent);
    return {
      id: click.id,
      code: click.code,
      at: click.at,
      visitorHash: click.visitorHash,
      isUnique: verdict === UNIQUE,
      filterReason: click.filter || (own.has(click.id) ? "self" : verdict === REPEAT ? "repeat" : null),
      country: click.country || null,
      referrerDomain: click.referrerDomain || null,
      deviceClass,
      browserFamily,
    };
  });
  let inserted = 0;
  const dead: DeadClick[] = [];
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const result = await insertOrSetAside(rows.slice(i, i + INSERT_CHUNK), clicks.slice(i, i + INSERT_CHUNK));
    inserted += result.inserted;
    dead.push(...result.dead);
  }
  return { received: clicks.length, inserted, dead };
}
