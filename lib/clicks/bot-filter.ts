import type { IncomingHttpHeaders } from "node:http";
import { isbot } from "isbot";
import { LRUCache } from "lru-cache";

// The link-preview fetchers of the networks members share to. isbot's maintained list knows
// them today; naming them here keeps the networks Relais is built around covered even if a
// future list drops one.
const PREVIEW_FETCHERS =
  /LinkedInBot|facebookexternalhit|facebookcatalog|meta-externalagent|Twitterbot|Slackbot|Slack-ImgProxy|WhatsApp|TelegramBot|Discordbot|Bluesky Cardyb|Cardyb|Mastodon\/|http\.rb\//i;

// A handful of user agents make most traffic: remember the verdict instead of running
// isbot's long pattern on every request of the hot path.
const verdicts = new LRUCache<string, boolean>({ max: 5_000 });

export function isBotUserAgent(userAgent: string | undefined) {
  // Browsers always send one; scripts and health checks often do not.
  if (!userAgent) return true;
  let verdict = verdicts.get(userAgent);
  if (verdict === undefined) {
    verdict = PREVIEW_FETCHERS.test(userAgent) || isbot(userAgent);
    verdicts.set(userAgent, verdict);
  }
  return verdict;
}

// Navigations a person made have Sec-Fetch-Dest "document" (or a frame); prefetch and
// prerender announce themselves in Sec-Purpose, or in older vendor headers.
const NAVIGATION_DESTS = new Set(["document", "iframe", "frame", "embed", "object"]);

export function isPrefetch(headers: IncomingHttpHeaders) {
  const secPurpose = headers["sec-purpose"];
  if (typeof secPurpose === "string" && /prefetch|prerender/i.test(secPurpose)) return true;
  const purpose = headers["purpose"] ?? headers["x-purpose"];
  if (typeof purpose === "string" && /prefetch|preview/i.test(purpose)) return true;
  if (headers["x-moz"] === "prefetch") return true;
  const dest = headers["sec-fetch-dest"];
  return dest !== undefined && !NAVIGATION_DESTS.has(dest);
}

// Whether a request to /l/<code> is a click: a GET by a person's browser, not a HEAD, a
// crawler fetching a preview, or a browser warming its cache. The redirect is answered
// either way; only the counting differs.
export function isCountableClick(method: string | undefined, headers: IncomingHttpHeaders) {
  return method === "GET" && !isPrefetch(headers) && !isBotUserAgent(headers["user-agent"]);
}
