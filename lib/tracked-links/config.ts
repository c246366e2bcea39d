import { z } from "zod";

// Settings of the tracked-link path, read by the web process, the standalone redirect
// process and the workers alike. Kept apart from lib/env.ts, which wants the whole app's
// settings (and a DATABASE_URL) before anything runs.
const schema = z.object({
  APP_URL: z.string().url().default("http://localhost:3000"),
  QUEUE_PREFIX: z.string().min(1).default("relais"),
  // Where shared links point (https://go.example.org when the redirect has a short domain of
  // its own); the app's address otherwise.
  LINK_BASE_URL: z.string().url().optional(),
  // A header a trusted proxy sets with the visitor's country (Cloudflare: CF-IPCountry).
  TRUSTED_COUNTRY_HEADER: z.string().min(1).optional(),
  // Reverse proxies in front of Relais that append to X-Forwarded-For (nginx, Caddy, a load
  // balancer, Cloudflare: one each). The visitor is that many entries from the right of the
  // header; with 0 the header is ignored and the socket's address is the visitor's.
  TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  // An offline GeoIP database (GeoLite2-Country or compatible .mmdb) for the country.
  GEOIP_DB_PATH: z.string().min(1).optional(),
  REDIRECT_PORT: z.coerce.number().int().positive().default(3001),
  LINK_CACHE_SIZE: z.coerce.number().int().positive().default(200_000),
  // How long a process serves a cached link before checking it again (in the background).
  LINK_CACHE_TTL_MS: z.coerce.number().int().positive().default(5 * 60_000),
  LINK_REDIS_TIMEOUT_MS: z.coerce.number().int().positive().default(250),
  LINK_DB_TIMEOUT_MS: z.coerce.number().int().positive().default(2_000),
  // Clicks kept in memory while Redis is unreachable; beyond this they go to CLICK_SPILL_DIR.
  CLICK_BUFFER_MAX: z.coerce.number().int().positive().default(200_000),
  // Stream entries (each a batch of clicks) past which the redirect writes new clicks to
  // CLICK_SPILL_DIR instead (PostgreSQL away for long, ingesters behind); the stream itself
  // is never trimmed.
  CLICK_STREAM_BOUND: z.coerce.number().int().positive().default(500_000),
  // Where a redirect process keeps the clicks Redis could not take, until it can: a folder
  // on a disk that survives restarts.
  CLICK_SPILL_DIR: z.string().min(1).default(".data/click-spill"),
  // Distinct user agents counted from one address on one link within a day; past it, more
  // clicks from that address are repeats (see lib/clicks/ingest.ts).
  CLICK_AGENTS_PER_ADDRESS: z.coerce.number().int().positive().default(5),
  // Clicks an ingester reader takes per batch (about), and readers per process.
  CLICK_INGEST_BATCH: z.coerce.number().int().positive().default(5_000),
  CLICK_INGEST_READERS: z.coerce.number().int().positive().default(2),
  // A consumer that took entries and went silent this long is presumed dead: others take them.
  CLICK_CLAIM_IDLE_MS: z.coerce.number().int().positive().default(60_000),
  // Pause before retrying a batch PostgreSQL refused.
  CLICK_RETRY_MS: z.coerce.number().int().positive().default(2_000),
});

export type LinksConfig = z.infer<typeof schema>;

export function trackedLinkUrl(config: LinksConfig, code: string) {
  return `${(config.LINK_BASE_URL ?? config.APP_URL).replace(/\/+$/, "")}/l/${code}`;
}

export function linksConfig(overrides: Partial<LinksConfig> = {}): LinksConfig {
  // An empty variable (KEY= in an env file) means "not set".
  const set = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ""));
  return { ...schema.parse(set), ...overrides };
}

// Redis keys of the link path, under the deployment's prefix (tests and benchmarks each use
// their own).
export function linkKeys(prefix: string) {
  return {
    link: (code: string) => `${prefix}:link:${code}`,
    stream: `${prefix}:clicks`,
    group: "ingest",
    salt: (day: string) => `${prefix}:click-salt:${day}`,
    visitor: (code: string, visitorHash: string) => `${prefix}:uv:${code}:${visitorHash}`,
    deadLetters: `${prefix}:dead-clicks`,
    linkChanges: `${prefix}:link-changes`,
    syncedAt: `${prefix}:link-cache:synced-at`,
  };
}
export type LinkKeys = ReturnType<typeof linkKeys>;
