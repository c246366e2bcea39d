import type { IncomingHttpHeaders } from "node:http";
import { isbot } from "isbot";
import { LRUCache } from "lru-cache";
import type { ClickFilter } from "@/db/schema/clicks";

// What a request to /l/<code> was, when it was not a person opening the link: judged from the
// request alone, in the redirect. Repeats and the sharer's own clicks are judged later, by
// the ingester, which knows the other clicks and the link's owner.
export const REQUEST_FILTERS = ["bot", "preview", "head", "prefetch"] as const satisfies readonly ClickFilter[];
export type RequestFilter = (typeof REQUEST_FILTERS)[number];

// Fetchers that read a link to show its card (title, image) where it was posted, or to scan it
// in a mail before anyone opens it. They follow the link once per place it appears, whatever
// people do: reported apart from other robots so a lead can see where the link went.
const PREVIEW_FETCHERS =
  /LinkedInBot|facebookexternalhit|facebookcatalog|meta-externalagent|Twitterbot|Slackbot|Slack-ImgProxy|WhatsApp\/|TelegramBot|Discordbot|Bluesky Cardyb|Cardyb|Mastodon\/|http\.rb\/|SkypeUriPreview|MicrosoftPreview|Microsoft Office|Iframely|Embedly|redditbot|Pinterestbot|vkShare|Google-PageRenderer|Mimecast|Barracuda|Proofpoint|Mail\.RU_Bot\/Fast/i;

// A handful of user agents make most traffic: remember the verdict instead of running
// isbot's long pattern on every request of the hot path.
const verdicts = new LRUCache<string, "bot" | "preview" | "person">({ max: 5_000 });

export function userAgentFilter(userAgent: string | undefined): "bot" | "preview" | null {
  // Browsers always send one; scripts and health checks often do not.
  if (!userAgent) return "bot";
  let verdict = verdicts.get(userAgent);
  if (verdict === undefined) {
    verdict = PREVIEW_FETCHERS.test(userAgent) ? "preview" : isbot(userAgent) ? "bot" : "person";
    verdicts.set(userAgent, verdict);
  }
  return verdict === "person" ? null : verdict;
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

// Null for a GET by a person's browser; otherwise why the request is not a click. The
// redirect is answered either way, and the request is recorded either way: only the
// counting differs.
export function requestFilter(method: string | undefined, headers: IncomingHttpHeaders): RequestFilter | null {
  if (method === "HEAD") return "head";
  return userAgentFilter(headers["user-agent"]) ?? (isPrefetch(headers) ? "prefetch" : null);
}
