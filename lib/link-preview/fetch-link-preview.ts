import { z } from "zod";
import type { LinkPreview } from "@/db/schema/posts";
import { safeFetch, SafeFetchError, type SafeFetchOptions } from "@/lib/net/safe-fetch";
import { parsePageMetadata, type PageMetadata } from "./parse-html";
import { linkPreviewSchema } from "./schemas";

// timeoutMs covers the page and its oEmbed document together.
export type FetchLinkPreviewOptions = Pick<SafeFetchOptions, "isAllowedAddress" | "timeoutMs" | "maxBytes">;

const oembedSchema = z.object({
  title: z.string().optional().catch(undefined),
  provider_name: z.string().optional().catch(undefined),
  thumbnail_url: z.string().optional().catch(undefined),
});

function charsetOf(contentType: string | undefined) {
  return /charset=["']?([\w-]+)/i.exec(contentType ?? "")?.[1];
}

async function fetchOembed(url: string, options: FetchLinkPreviewOptions, deadline: number) {
  const timeoutMs = deadline - Date.now();
  if (timeoutMs < 100) return undefined;
  try {
    const response = await safeFetch(url, { ...options, timeoutMs, maxBytes: 256 * 1024, overflow: "error", headers: { accept: "application/json" } });
    if (response.status !== 200) return undefined;
    return oembedSchema.parse(JSON.parse(response.body.toString("utf8")));
  } catch {
    // The page's own tags are enough; oEmbed only fills gaps.
    return undefined;
  }
}

// Title, description, image and site name of a page, read on the server (see safeFetch for
// what may be reached). Throws SafeFetchError; the result is validated before it is stored.
export async function fetchLinkPreview(url: string, options: FetchLinkPreviewOptions = {}): Promise<LinkPreview> {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const deadline = Date.now() + timeoutMs;
  const response = await safeFetch(url, {
    ...options,
    timeoutMs,
    maxBytes: options.maxBytes ?? 1024 * 1024,
    headers: { accept: "text/html,application/xhtml+xml;q=0.9,image/*;q=0.5,*/*;q=0.1" },
  });
  if (response.status >= 400) throw new SafeFetchError("http_error", `HTTP ${response.status}`);

  const contentType = response.headers["content-type"]?.toLowerCase() ?? "";
  let page: PageMetadata = {};
  if (contentType.startsWith("image/")) {
    page = { imageUrl: response.url };
  } else if (contentType.includes("html") || contentType === "") {
    page = parsePageMetadata(response.body, response.url, charsetOf(contentType));
  }
  const oembed = page.oembedUrl ? await fetchOembed(page.oembedUrl, options, deadline) : undefined;
  const thumbnail = oembed?.thumbnail_url ? URL.parse(oembed.thumbnail_url, response.url)?.toString() : undefined;

  return linkPreviewSchema.parse({
    url: response.url,
    title: page.title ?? oembed?.title,
    description: page.description,
    imageUrl: page.imageUrl ?? thumbnail,
    siteName: page.siteName ?? oembed?.provider_name ?? new URL(response.url).hostname.replace(/^www\./, ""),
    fetchedAt: new Date().toISOString(),
  });
}
