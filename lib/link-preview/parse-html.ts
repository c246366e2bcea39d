import * as cheerio from "cheerio";

export type PageMetadata = {
  title?: string;
  description?: string;
  imageUrl?: string;
  siteName?: string;
  oembedUrl?: string;
};

// Open Graph first, then Twitter cards, then plain HTML. Relative URLs are resolved against
// the page's own address (after redirects); only http(s) URLs are kept.
export function parsePageMetadata(body: Buffer, pageUrl: string, charset?: string): PageMetadata {
  // Pages that name no charset are nearly all UTF-8 today, whatever the old default says.
  const $ = cheerio.loadBuffer(body, { encoding: { transportLayerEncodingLabel: charset, defaultEncoding: "utf-8" } });
  const meta = (...names: string[]) => {
    for (const name of names) {
      const value = $(`meta[property="${name}"], meta[name="${name}"]`).first().attr("content")?.trim();
      if (value) return value;
    }
    return undefined;
  };
  const absolute = (href: string | undefined) => {
    if (!href) return undefined;
    try {
      const url = new URL(href, pageUrl);
      return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    title: meta("og:title", "twitter:title") ?? ($("head title").first().text().trim() || $("title").first().text().trim() || undefined),
    description: meta("og:description", "twitter:description", "description"),
    imageUrl: absolute(meta("og:image:secure_url", "og:image", "og:image:url", "twitter:image", "twitter:image:src")),
    siteName: meta("og:site_name", "application-name"),
    oembedUrl: absolute($('link[type="application/json+oembed"], link[type="text/json+oembed"]').first().attr("href")),
  };
}
