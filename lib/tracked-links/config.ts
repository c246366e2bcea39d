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
  // A header a trusted proxy sets with the visitor's address (X-Forwarded-For, CF-Connecting-IP);
  // without it the socket's address is the visitor's.
  TRUSTED_CLIENT_IP_HEADER: z.string().min(1).optional(),
  // An offline GeoIP database (GeoLite2-Country or compatible .mmdb) for the country.
  GEOIP_DB_PATH: z.string().min(1).optional(),
  REDIRECT_PORT: z.coerce.number().int().positive().default(3001),
  LINK_CACHE_SIZE: z.coerce.number().int().positive().default(200_000),
  // How long a process serves a cached link before checking it again (in the background).
  LINK_CACHE_TTL_MS: z.coerce.number().int().positive().default(5 * 60_000),
  LINK_REDIS_TIMEOUT_MS: z.coerce.number().int().positive().default(250),
  LINK_DB_TIMEOUT_MS: z.coerce.number().int().positive().default(2_000),
  // Clicks kept in memory while Redis is unreachable; beyond this the newest are dropped.
  CLICK_BUFFER_MAX: z.coerce.number().int().positive().default(200_000),
  // Stream entries (each a batch of clicks) kept at most while PostgreSQL is away.
  CLICK_STREAM_MAXLEN: z.coerce.number().int().positive().default(2_000_000),
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
    syncedAt: `${prefix}:link-cache:synced-at`,
  };
}
export type LinkKeys = ReturnType<typeof linkKeys>;
