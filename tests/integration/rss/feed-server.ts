import type http from "node:http";
import { startServer } from "@/tests/integration/link-preview/local-server";

export type Entry = { guid?: string; slug: string; title: string; summary: string; date: string };

const rss = (origin: string, entries: Entry[]) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Le blogue du syndicat</title><link>${origin}/</link><language>fr-ca</language>
${entries
  .map(
    (e) => `<item><title>${e.title}</title><link>${origin}/${e.slug}</link>${e.guid ? `<guid isPermaLink="false">${e.guid}</guid>` : ""}
<description><![CDATA[<p>${e.summary}</p>]]></description><pubDate>${new Date(e.date).toUTCString()}</pubDate></item>`,
  )
  .join("\n")}
</channel></rss>`;

const atom = (origin: string, entries: Entry[]) => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Nouvelles</title><id>urn:uuid:feed</id><updated>2026-11-01T00:00:00Z</updated>
${entries
  .map(
    (e) => `<entry><title>${e.title}</title><link href="${origin}/${e.slug}"/><id>${e.guid ?? `urn:uuid:${e.slug}`}</id>
<updated>${e.date}</updated><summary>${e.summary}</summary></entry>`,
  )
  .join("\n")}
</feed>`;

// A blog on the loopback interface: its feed (RSS or Atom, entries changeable between runs) and
// one page per entry with Open Graph tags, answering conditional GETs with 304.
export async function startBlog(options: { format?: "rss" | "atom"; entries: Entry[]; etag?: string }) {
  const state = { entries: options.entries, etag: options.etag, requests: [] as http.IncomingHttpHeaders[] };
  const server = await startServer((req, res) => {
    if (req.url === "/feed") {
      state.requests.push(req.headers);
      if (state.etag && req.headers["if-none-match"] === state.etag) return void res.writeHead(304).end();
      const body = options.format === "atom" ? atom(server.origin, state.entries) : rss(server.origin, state.entries);
      res.writeHead(200, {
        "content-type": options.format === "atom" ? "application/atom+xml" : "application/rss+xml; charset=utf-8",
        ...(state.etag ? { etag: state.etag, "last-modified": "Sun, 01 Nov 2026 12:00:00 GMT" } : {}),
      });
      return void res.end(body);
    }
    const entry = state.entries.find((e) => `/${e.slug}` === req.url);
    if (!entry) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<html><head><meta property="og:title" content="${entry.title}"><meta property="og:image" content="/img/${entry.slug}.png"></head></html>`);
  });
  return { ...server, state, feedUrl: `${server.origin}/feed` };
}
