import { createHmac, createSecretKey, randomBytes, type KeyObject } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Redis } from "ioredis";
import { clientAddress } from "@/lib/net/client-address";
import type { LinkKeys } from "@/lib/tracked-links/config";
import type { RequestFilter } from "./bot-filter";
import { encodeClick } from "./click-record";
import { ClickSpill } from "./click-spill";
import { SessionViewers, type SessionLookup } from "./session-viewers";

export type CountryLookup = (ip: string) => string | null;

export type RecorderOptions = {
  redis: Redis;
  keys: LinkKeys;
  // Stream entries past which new clicks go to disk instead, until the ingesters catch up.
  streamBound: number;
  // Clicks kept in memory while Redis is away; past it they go to disk too.
  bufferMax: number;
  spillDir: string;
  trustedProxies: number;
  countryHeader?: string;
  countryFromIp?: CountryLookup;
  sessionUser?: SessionLookup;
};

type Pending = {
  id: string;
  code: string;
  at: number;
  ip: string;
  userAgent: string;
  country: string;
  referrer: string;
  filter: RequestFilter | "";
  session: string | undefined;
};

const DAY_MS = 86_400_000;
// Clicks per stream entry: one XADD carries many clicks, so Redis does one write per batch
// instead of one per click.
const CLICKS_PER_ENTRY = 500;
// Under load a flush every few milliseconds carries hundreds of clicks: one write to Redis
// (one syscall, one wake-up of Redis) instead of one per click.
const FLUSH_EVERY_MS = 10;
const REPLAY_EVERY_MS = 5_000;
const COUNTRY = /^[A-Z]{2}$/;
// Auth.js's database-session cookie (with the __Secure- prefix over https).
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token=([^;\s]+)/;

const utcDay = (ms: number) => new Date(ms - (ms % DAY_MS)).toISOString().slice(0, 10);

function referrerDomain(referer: string | undefined) {
  if (!referer) return "";
  try {
    return new URL(referer).hostname;
  } catch {
    return "";
  }
}

// Records clicks without making the redirect wait: the response is already sent when
// record() runs; the click joins an in-process buffer that is flushed to the Redis stream
// in one XADD per batch every few milliseconds, one flush at a time. Nothing is lost to a
// full stream or a long Redis outage: past `streamBound` entries (the ingesters are behind,
// PostgreSQL is away) or past `bufferMax` clicks in memory (Redis is away), clicks are written
// to files under `spillDir` and put back in the stream once it has room; both are logged and
// counted in `stats`. The stream itself is never trimmed: only the ingesters delete entries,
// once their clicks are committed. A flush that fails after Redis took it is simply sent
// again: every click carries its own id, so the ingester drops the copy.
export class ClickRecorder {
  private buffer: Pending[] = [];
  private flushing = false;
  private scheduled = false;
  private overBound = false;
  private counter = 0;
  private dropped = 0;
  private readonly idPrefix = randomBytes(6).toString("base64url");
  private readonly salts = new Map<string, KeyObject>();
  // Used only for clicks spilled while Redis (and so the shared salt) was out of reach.
  private readonly localSalts = new Map<string, KeyObject>();
  private readonly spill: ClickSpill;
  private readonly viewers: SessionViewers | undefined;
  private readonly timers: NodeJS.Timeout[];

  constructor(private readonly options: RecorderOptions) {
    this.spill = new ClickSpill(options.spillDir);
    this.viewers = options.sessionUser ? new SessionViewers(options.sessionUser) : undefined;
    options.redis.on("ready", () => this.schedule());
    this.timers = [setInterval(() => this.schedule(), 1_000), setInterval(() => void this.replaySpilled(), REPLAY_EVERY_MS)];
    for (const timer of this.timers) timer.unref();
  }

  get stats() {
    return { buffered: this.buffer.length, spilled: this.spill.spilled, replayed: this.spill.replayed, dropped: this.dropped, overBound: this.overBound };
  }

  record(code: string, req: IncomingMessage, filter: RequestFilter | null) {
    const headers = req.headers;
    const ip = clientAddress(headers["x-forwarded-for"], req.socket.remoteAddress, this.options.trustedProxies);
    const cookie = headers.cookie;
    this.buffer.push({
      id: `${this.idPrefix}${(this.counter++).toString(36)}`,
      code,
      at: Date.now(),
      ip,
      userAgent: headers["user-agent"] ?? "",
      country: this.country(req, ip),
      referrer: referrerDomain(headers.referer),
      filter: filter ?? "",
      session: cookie && this.viewers ? SESSION_COOKIE.exec(cookie)?.[1] : undefined,
    });
    if (this.buffer.length > this.options.bufferMax && !this.flushing) void this.flush();
    else this.schedule();
  }

  // Waits until every buffered click is in Redis or on disk (tests, shutdown).
  async drain(timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    while ((this.buffer.length > 0 || this.flushing) && Date.now() < deadline) {
      this.schedule();
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.buffer.length === 0;
  }

  // Shutting down: what Redis could not take in drain() goes to disk, not away.
  async close() {
    for (const timer of this.timers) clearInterval(timer);
    while (this.flushing) await new Promise((r) => setTimeout(r, 10));
    if (this.buffer.length > 0) await this.toDisk(this.buffer.splice(0), "the redirect stopped while Redis was away");
  }

  private country(req: IncomingMessage, ip: string) {
    const header = this.options.countryHeader;
    if (header) {
      const value = req.headers[header];
      if (typeof value === "string" && COUNTRY.test(value)) return value;
    }
    return this.options.countryFromIp?.(ip) ?? "";
  }

  private schedule() {
    if (this.scheduled || this.flushing || this.buffer.length === 0) return;
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      void this.flush();
    }, FLUSH_EVERY_MS).unref();
  }

  private async flush() {
    const { redis, keys } = this.options;
    if (this.flushing || this.buffer.length === 0) return;
    const redisUp = redis.status === "ready";
    // Redis away: clicks wait in memory, up to bufferMax; the oldest beyond it go to disk.
    if (!redisUp && this.buffer.length <= this.options.bufferMax) return;
    this.flushing = true;
    const batch = redisUp ? this.buffer : this.buffer.slice(0, this.buffer.length - this.options.bufferMax);
    this.buffer = redisUp ? [] : this.buffer.slice(batch.length);
    try {
      if (!redisUp) {
        await this.toDisk(batch, "Redis is unreachable");
        return;
      }
      const lines = await this.encode(batch, false);
      if (this.overBound) {
        await this.toDisk(lines, "the click stream is past its bound");
        return;
      }
      const pipeline = redis.pipeline();
      for (let i = 0; i < lines.length; i += CLICKS_PER_ENTRY) pipeline.xadd(keys.stream, "*", "d", lines.slice(i, i + CLICKS_PER_ENTRY).join("\n"));
      pipeline.xlen(keys.stream);
      const results = await pipeline.exec();
      const failed = results?.find(([error]) => error);
      if (failed) throw failed[0];
      const length = Number(results!.at(-1)![1]);
      if (length > this.options.streamBound) {
        this.overBound = true;
        console.error(`[clicks] the click stream holds ${length} entries (bound ${this.options.streamBound}): new clicks go to ${this.spill.dir} until the ingesters catch up`);
      }
    } catch {
      // Put the batch back in front; newer clicks keep their order behind it.
      this.buffer = batch.concat(this.buffer);
    } finally {
      this.flushing = false;
    }
    this.schedule();
  }

  private async toDisk(items: Pending[] | string[], reason: string) {
    const first = this.spill.spilled === this.spill.replayed;
    try {
      const lines = typeof items[0] === "string" ? (items as string[]) : await this.encode(items as Pending[], true);
      await this.spill.append(lines);
      if (first) console.error(`[clicks] ${reason}: ${lines.length} clicks written to ${this.spill.dir}, to be put back in the stream later`);
    } catch (error) {
      this.dropped += items.length;
      console.error(`[clicks] ${items.length} clicks lost: ${reason} and ${this.spill.dir} refused them (${(error as Error).message})`);
    }
  }

  private async replaySpilled() {
    const { redis, keys, streamBound } = this.options;
    if (redis.status !== "ready") return;
    try {
      const length = await redis.xlen(keys.stream);
      // Room again (with a margin, so that the switch does not flap at the bound).
      const hasRoom = async () => (await redis.xlen(keys.stream)) < streamBound * 0.8;
      if (length >= streamBound * 0.8) return;
      if (this.overBound) {
        this.overBound = false;
        console.error(`[clicks] the click stream is back to ${length} entries: clicks go to it again`);
      }
      const moved = await this.spill.replay(
        async (lines) => void (await redis.xadd(keys.stream, "*", "d", lines.join("\n"))),
        hasRoom,
        CLICKS_PER_ENTRY,
      );
      if (moved > 0) console.error(`[clicks] put ${moved} clicks from ${this.spill.dir} back in the stream`);
    } catch {
      // Redis went away again: the next round goes on from the files left.
    }
  }

  private async encode(batch: Pending[], allowLocalSalt: boolean) {
    const viewers = this.viewers ? await this.viewers.resolve(batch.map((click) => click.session)) : undefined;
    const lines: string[] = [];
    let day = -1;
    let salt: KeyObject | undefined;
    for (let i = 0; i < batch.length; i++) {
      const click = batch[i];
      if (Math.floor(click.at / DAY_MS) !== day) {
        day = Math.floor(click.at / DAY_MS);
        salt = await this.saltFor(click.at, allowLocalSalt);
      }
      lines.push(
        encodeClick({
          id: click.id,
          code: click.code,
          at: click.at,
          visitorHash: visitorHash(salt!, click.ip),
          country: click.country,
          referrerDomain: click.referrer,
          filter: click.filter,
          viewer: viewers?.[i] ?? "",
          userAgent: click.userAgent,
        }),
      );
    }
    return lines;
  }

  // The day's salt is shared by every redirect process through Redis (set once, kept two
  // days, then gone): the same visitor hashes the same everywhere that day, and no one can
  // link hashes across days. Clicks spilled while Redis is away get a salt of this process
  // instead (an address never goes to disk): they may count as unique once more.
  private async saltFor(at: number, allowLocalSalt: boolean) {
    const day = utcDay(at);
    const known = this.salts.get(day);
    if (known) return known;
    if (this.options.redis.status !== "ready" && allowLocalSalt) {
      let local = this.localSalts.get(day);
      if (!local) this.localSalts.set(day, (local = createSecretKey(randomBytes(32))));
      return local;
    }
    const key = this.options.keys.salt(day);
    const mine = randomBytes(32).toString("base64url");
    const previous = await this.options.redis.set(key, mine, "EX", 2 * 86_400, "NX", "GET");
    const salt = createSecretKey(Buffer.from(previous ?? mine));
    this.salts.set(day, salt);
    const oldest = utcDay(at - 2 * DAY_MS);
    for (const old of this.salts.keys()) if (old < oldest) this.salts.delete(old);
    for (const old of this.localSalts.keys()) if (old < oldest) this.localSalts.delete(old);
    return salt;
  }
}

// 22 base64url characters (132 bits) of HMAC-SHA256(salt, address). The address alone: a
// visitor who changes user agent is still the same visitor (see lib/clicks/ingest.ts).
function visitorHash(salt: KeyObject, ip: string) {
  return createHmac("sha256", salt).update(ip).digest("base64url").slice(0, 22);
}
