import type { Redis } from "ioredis";
import { LRUCache } from "lru-cache";
import { readLinkUrl, writeLinkCache } from "./cache";
import type { LinkKeys } from "./config";
import type { LinkTargetRow } from "./queries";
import { linkRedirectUrl } from "./utm";

// What the redirect sends for a known code, built once per code: writeHead's flat header
// list, so a cached hit allocates nothing.
export type ResolvedLink = { url: string; headers: string[] };

type Entry = { link: ResolvedLink | null; freshUntil: number };

export type ResolverOptions = {
  redis: Redis;
  keys: LinkKeys;
  appUrl: string;
  cacheSize: number;
  ttlMs: number;
  dbTimeoutMs: number;
  lookup(code: string): Promise<LinkTargetRow | null>;
};

export class LinkUnavailableError extends Error {}

function resolved(url: string): ResolvedLink {
  return { url, headers: ["Location", url, "Cache-Control", "no-store"] };
}

function withTimeout<T>(promise: Promise<T>, ms: number) {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new LinkUnavailableError(`timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

// Code → destination, nearest first: this process's LRU, then Redis (link:<code>), then
// PostgreSQL, which repopulates Redis. A cached entry past its freshness is still served at
// once while one background lookup refreshes it (edits propagate; outages of Redis or
// PostgreSQL never turn a known code into an error). Unknown codes are remembered briefly
// so that scanners do not reach PostgreSQL on every request.
export class LinkResolver {
  private readonly cache: LRUCache<string, Entry>;
  private readonly inFlight = new Map<string, Promise<ResolvedLink | null>>();

  constructor(private readonly options: ResolverOptions) {
    this.cache = new LRUCache({ max: options.cacheSize });
  }

  // Synchronous fast path: undefined means "not in this process, call resolve()".
  peek(code: string): ResolvedLink | null | undefined {
    const entry = this.cache.get(code);
    if (!entry) return undefined;
    if (entry.freshUntil < Date.now()) {
      if (!entry.link) return undefined;
      void this.resolve(code).catch(() => {});
    }
    return entry.link;
  }

  // An approved new destination or a deleted post: the next request reads Redis again.
  forget(codes: string[]) {
    for (const code of codes) this.cache.delete(code);
  }

  resolve(code: string): Promise<ResolvedLink | null> {
    let pending = this.inFlight.get(code);
    if (!pending) {
      pending = this.load(code).finally(() => this.inFlight.delete(code));
      this.inFlight.set(code, pending);
    }
    return pending;
  }

  private async load(code: string): Promise<ResolvedLink | null> {
    const { redis, keys } = this.options;
    const fromRedis = await readLinkUrl(redis, keys, code).catch(() => undefined);
    if (fromRedis) return this.remember(code, resolved(fromRedis), this.options.ttlMs);
    let row: LinkTargetRow | null;
    try {
      row = await withTimeout(this.options.lookup(code), this.options.dbTimeoutMs);
    } catch (error) {
      // Neither store answered: serve what this process last knew, if anything.
      const stale = this.cache.get(code)?.link;
      if (stale) return stale;
      throw new LinkUnavailableError(`link ${code}: ${(error as Error).message}`);
    }
    if (!row) return this.remember(code, null, Math.min(this.options.ttlMs, 30_000));
    const url = linkRedirectUrl(row, this.options.appUrl);
    // Only after a Redis miss (not an outage) is it worth writing back.
    if (fromRedis === null) {
      void writeLinkCache(redis, keys, [{ code, url, orgId: row.orgId, postId: row.postId }]).catch(() => {});
    }
    return this.remember(code, resolved(url), this.options.ttlMs);
  }

  private remember(code: string, link: ResolvedLink | null, ttlMs: number) {
    this.cache.set(code, { link, freshUntil: Date.now() + ttlMs });
    return link;
  }
}
