import { createHmac, createSecretKey, randomBytes, type KeyObject } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Redis } from "ioredis";
import type { LinkKeys } from "@/lib/tracked-links/config";
import { encodeClick } from "./click-record";

export type CountryLookup = (ip: string) => string | null;

export type RecorderOptions = {
  redis: Redis;
  keys: LinkKeys;
  streamMaxLen: number;
  bufferMax: number;
  countryHeader?: string;
  clientIpHeader?: string;
  countryFromIp?: CountryLookup;
};

type Pending = string | { at: number; line: (visitorHash: string) => string; ip: string; userAgent: string };

const DAY_MS = 86_400_000;
// Clicks per stream entry: one XADD carries many clicks, so Redis does one write per batch
// instead of one per click.
const CLICKS_PER_ENTRY = 500;
// Under load a flush every few milliseconds carries hundreds of clicks: one write to Redis
// (one syscall, one wake-up of Redis) instead of one per click.
const FLUSH_EVERY_MS = 10;
const COUNTRY = /^[A-Z]{2}$/;

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
// in one XADD per batch every few milliseconds, one flush at a time. While Redis
// is away the buffer keeps up to `bufferMax` clicks and flushes them when it returns. A
// flush that fails after Redis took it is simply sent again: every click carries its own id,
// so the ingester drops the copy.
export class ClickRecorder {
  private buffer: Pending[] = [];
  private flushing = false;
  private scheduled = false;
  private dropped = 0;
  private counter = 0;
  private readonly idPrefix = randomBytes(6).toString("base64url");
  private readonly salts = new Map<string, KeyObject>();
  private today = { start: 0, end: 0, salt: undefined as KeyObject | undefined };
  private readonly retryTimer: NodeJS.Timeout;
  private readonly saltTimer: NodeJS.Timeout;

  constructor(private readonly options: RecorderOptions) {
    options.redis.on("ready", () => {
      void this.refreshSalt();
      this.schedule();
    });
    this.retryTimer = setInterval(() => this.schedule(), 1_000);
    this.retryTimer.unref();
    this.saltTimer = setInterval(() => void this.refreshSalt(), 60_000);
    this.saltTimer.unref();
    void this.refreshSalt();
  }

  get pending() {
    return this.buffer.length;
  }

  record(code: string, req: IncomingMessage) {
    if (this.buffer.length >= this.options.bufferMax) {
      this.dropped++;
      return;
    }
    const at = Date.now();
    const headers = req.headers;
    const ip = this.clientIp(req);
    const userAgent = headers["user-agent"] ?? "";
    const country = this.country(req, ip);
    const referrer = referrerDomain(headers.referer);
    const id = `${this.idPrefix}${(this.counter++).toString(36)}`;
    const salt = at >= this.today.start && at < this.today.end ? this.today.salt : undefined;
    if (salt) {
      this.buffer.push(encodeClick({ id, code, at, visitorHash: visitorHash(salt, ip, userAgent), country, referrerDomain: referrer, userAgent }));
    } else {
      // The day's salt is not known yet (Redis away at midnight or at start): hash at flush
      // time. The address stays in this process's memory only, never in Redis.
      this.buffer.push({ at, ip, userAgent, line: (hash) => encodeClick({ id, code, at, visitorHash: hash, country, referrerDomain: referrer, userAgent }) });
    }
    this.schedule();
  }

  // Waits until every buffered click is in Redis (tests, shutdown).
  async drain(timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    while ((this.buffer.length > 0 || this.flushing) && Date.now() < deadline) {
      this.schedule();
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.buffer.length === 0;
  }

  close() {
    clearInterval(this.retryTimer);
    clearInterval(this.saltTimer);
  }

  private clientIp(req: IncomingMessage) {
    const header = this.options.clientIpHeader;
    const forwarded = header ? req.headers[header] : undefined;
    if (typeof forwarded === "string" && forwarded) {
      const comma = forwarded.indexOf(",");
      return (comma === -1 ? forwarded : forwarded.slice(0, comma)).trim();
    }
    return req.socket.remoteAddress ?? "";
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
    const { redis, keys, streamMaxLen } = this.options;
    if (this.flushing || this.buffer.length === 0 || redis.status !== "ready") return;
    this.flushing = true;
    const batch = this.buffer;
    this.buffer = [];
    try {
      const lines: string[] = [];
      for (const item of batch) lines.push(typeof item === "string" ? item : item.line(visitorHash(await this.saltFor(item.at), item.ip, item.userAgent)));
      const pipeline = redis.pipeline();
      for (let i = 0; i < lines.length; i += CLICKS_PER_ENTRY) {
        pipeline.xadd(keys.stream, "MAXLEN", "~", streamMaxLen, "*", "d", lines.slice(i, i + CLICKS_PER_ENTRY).join("\n"));
      }
      const results = await pipeline.exec();
      const failed = results?.find(([error]) => error);
      if (failed) throw failed[0];
      if (this.dropped > 0) {
        console.error(`[links] click buffer was full: ${this.dropped} clicks were not recorded`);
        this.dropped = 0;
      }
    } catch {
      // Put the batch back in front; newer clicks keep their order behind it.
      this.buffer = batch.concat(this.buffer);
      if (this.buffer.length > this.options.bufferMax) {
        this.dropped += this.buffer.length - this.options.bufferMax;
        this.buffer.length = this.options.bufferMax;
      }
    } finally {
      this.flushing = false;
    }
    this.schedule();
  }

  private async refreshSalt() {
    const now = Date.now();
    try {
      const salt = await this.saltFor(now);
      const start = now - (now % DAY_MS);
      this.today = { start, end: start + DAY_MS, salt };
      // Warm tomorrow's shortly before midnight so the switch never waits on Redis.
      if (start + DAY_MS - now < 5 * 60_000) await this.saltFor(start + DAY_MS);
    } catch {
      // Redis away: clicks wait for the salt in the buffer.
    }
  }

  // The day's salt is shared by every redirect process through Redis (set once, kept two
  // days, then gone): the same visitor hashes the same everywhere that day, and no one can
  // link hashes across days.
  private async saltFor(at: number) {
    const day = utcDay(at);
    const known = this.salts.get(day);
    if (known) return known;
    const key = this.options.keys.salt(day);
    const mine = randomBytes(32).toString("base64url");
    const previous = await this.options.redis.set(key, mine, "EX", 2 * 86_400, "NX", "GET");
    const salt = createSecretKey(Buffer.from(previous ?? mine));
    this.salts.set(day, salt);
    for (const old of this.salts.keys()) if (old < utcDay(at - 2 * DAY_MS)) this.salts.delete(old);
    return salt;
  }
}

// 22 base64url characters (132 bits) of HMAC-SHA256(salt, IP + "\n" + user agent).
function visitorHash(salt: KeyObject, ip: string, userAgent: string) {
  return createHmac("sha256", salt).update(`${ip}\n${userAgent}`).digest("base64url").slice(0, 22);
}
