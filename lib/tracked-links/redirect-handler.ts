import type { IncomingMessage, ServerResponse } from "node:http";
import type { Redis } from "ioredis";
import { findSessionUserId } from "@/lib/auth/queries";
import { requestFilter } from "@/lib/clicks/bot-filter";
import { ClickRecorder } from "@/lib/clicks/click-recorder";
import type { SessionLookup } from "@/lib/clicks/session-viewers";
import { openCountryLookup } from "@/lib/clicks/geoip";
import { localeFromAcceptLanguage } from "@/lib/i18n/locales";
import { createRedis } from "@/lib/redis";
import { isLinkCode } from "./codes";
import { linkKeys, linksConfig, type LinksConfig } from "./config";
import { buildLinkPages } from "./pages";
import { findLinkTargetByCode, type LinkTargetRow } from "./queries";
import { LinkResolver, type ResolvedLink } from "./resolver";
import { securityHeaders } from "@/lib/security/headers";

export type RedirectHandler = {
  (req: IncomingMessage, res: ServerResponse): void;
  recorder: ClickRecorder;
  // Plain-text lines for a health check or a metrics scraper: clicks waiting in memory, on
  // disk, lost.
  health(): string;
  close(): Promise<void>;
};

// GET /l/<code> – 302 to the post's destination with UTM, and the click recorded after the
// response is sent. A plain node:http handler (no Next.js on this path: ~20× the throughput),
// mounted by server.ts before Next and by the standalone redirect-server.ts.
export function createRedirectHandler(
  options: { config?: Partial<LinksConfig>; redis?: Redis; lookup?: (code: string) => Promise<LinkTargetRow | null>; sessionUser?: SessionLookup } = {},
): RedirectHandler {
  const config = linksConfig(options.config);
  const keys = linkKeys(config.QUEUE_PREFIX);
  // Request-path connection: never queue commands while Redis is away, never wait long.
  const redis =
    options.redis ??
    createRedis({
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: config.LINK_REDIS_TIMEOUT_MS,
      connectTimeout: 1_000,
      retryStrategy: (times) => Math.min(times * 100, 1_000),
    });
  redis.on("error", () => {});
  const resolver = new LinkResolver({
    redis,
    keys,
    appUrl: config.APP_URL,
    cacheSize: config.LINK_CACHE_SIZE,
    ttlMs: config.LINK_CACHE_TTL_MS,
    dbTimeoutMs: config.LINK_DB_TIMEOUT_MS,
    lookup: options.lookup ?? findLinkTargetByCode,
  });
  const recorder = new ClickRecorder({
    redis,
    keys,
    streamBound: config.CLICK_STREAM_BOUND,
    bufferMax: config.CLICK_BUFFER_MAX,
    spillDir: config.CLICK_SPILL_DIR,
    trustedProxies: config.TRUSTED_PROXIES,
    countryHeader: config.TRUSTED_COUNTRY_HEADER?.toLowerCase(),
    countryFromIp: config.GEOIP_DB_PATH ? openCountryLookup(config.GEOIP_DB_PATH) : undefined,
    sessionUser: options.sessionUser ?? findSessionUserId,
  });
  // Its own connection: a subscribed connection takes no other command.
  const changes = redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null, commandTimeout: undefined });
  changes.on("error", () => {});
  changes.on("message", (_channel: string, message: string) => resolver.forget(message.split(",")));
  void changes.subscribe(keys.linkChanges).catch(() => {});
  const pages = buildLinkPages(config.APP_URL);
  // The friendly pages run no script.
  const pageHeaders = securityHeaders({ nonce: null, https: config.APP_URL.startsWith("https://") });

  function sendPage(req: IncomingMessage, res: ServerResponse, kind: "not_found" | "unavailable") {
    const body = pages[kind][localeFromAcceptLanguage(req.headers["accept-language"]) ?? "fr"];
    res.writeHead(kind === "not_found" ? 404 : 503, {
      ...pageHeaders,
      "Content-Type": "text/html; charset=utf-8",
      "Content-Length": body.length,
      "Cache-Control": "no-store",
      ...(kind === "unavailable" ? { "Retry-After": "5" } : {}),
    });
    res.end(req.method === "HEAD" ? undefined : body);
  }

  function respond(req: IncomingMessage, res: ServerResponse, code: string, link: ResolvedLink | null) {
    if (!link) return sendPage(req, res, "not_found");
    res.writeHead(302, link.headers);
    res.end();
    recorder.record(code, req, requestFilter(req.method, req.headers));
  }

  const handler = ((req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD", "Content-Length": 0 });
      res.end();
      return;
    }
    const url = req.url ?? "";
    const query = url.indexOf("?");
    let code = query === -1 ? url.slice(3) : url.slice(3, query);
    if (code.endsWith("/")) code = code.slice(0, -1);
    if (!isLinkCode(code)) return sendPage(req, res, "not_found");
    const cached = resolver.peek(code);
    if (cached !== undefined) return respond(req, res, code, cached);
    resolver.resolve(code).then(
      (link) => respond(req, res, code, link),
      () => sendPage(req, res, "unavailable"),
    );
  }) as RedirectHandler;

  handler.recorder = recorder;
  handler.health = () => {
    const { buffered, spilled, replayed, dropped, overBound } = recorder.stats;
    return [
      `relais_clicks_buffered ${buffered}`,
      `relais_clicks_spilled_total ${spilled}`,
      `relais_clicks_spilled_waiting ${Math.max(0, spilled - replayed)}`,
      `relais_clicks_lost_total ${dropped}`,
      `relais_click_stream_over_bound ${overBound ? 1 : 0}`,
      "",
    ].join("\n");
  };
  handler.close = async () => {
    await recorder.drain(5_000);
    await recorder.close();
    changes.disconnect();
    if (!options.redis) await redis.quit().catch(() => redis.disconnect());
  };
  return handler;
}
