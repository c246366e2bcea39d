import Parser from "rss-parser";
import type { LinkPreview } from "@/db/schema";
import { buildLinkPreview } from "@/lib/link-preview/build-link-preview";
import { safeFetch, SafeFetchError } from "@/lib/net/safe-fetch";
import { asSystem, type Tenant } from "@/lib/tenancy";
import { createDraftFromEntry, findKnownGuids, getRssFeed, recordRssFetch, type FeedEntryDraft } from "./queries";

export type ImportResult = { status: "skipped" | "not_modified" | "imported" | "failed"; created: number; error?: string };

// A first import of a long feed brings its newest entries; older ones follow on later runs.
const MAX_NEW_ENTRIES_PER_RUN = 30;
const PREVIEW_CONCURRENCY = 4;

type Entry = Omit<FeedEntryDraft, "preview"> & { date: number };

function decode(body: Buffer, contentType: string | undefined) {
  const declared =
    /charset=["']?([\w-]+)/i.exec(contentType ?? "")?.[1] ?? /^<\?xml[^>]*encoding=["']([\w-]+)["']/i.exec(body.subarray(0, 200).toString("latin1"))?.[1];
  try {
    return new TextDecoder(declared ?? "utf-8").decode(body);
  } catch {
    return body.toString("utf8");
  }
}

async function parseEntries(xml: string) {
  const feed = await new Parser().parseString(xml);
  const entries: Entry[] = [];
  for (const item of feed.items) {
    const link = item.link?.trim();
    if (!link || !/^https?:\/\//i.test(link)) continue;
    // RSS guid, Atom id, else the link itself.
    const guid = (item.guid || (item as { id?: string }).id || link).trim().slice(0, 2000);
    entries.push({
      guid,
      link,
      title: (item.title?.trim() || link).slice(0, 300),
      summary: (item.contentSnippet ?? item.summary ?? "").replace(/\s+/g, " ").trim().slice(0, 1000),
      date: item.isoDate ? Date.parse(item.isoDate) : 0,
    });
  }
  return { title: feed.title?.trim() || null, entries };
}

async function withPreviews(entries: Entry[], tenant: Tenant) {
  const out: FeedEntryDraft[] = [];
  for (let i = 0; i < entries.length; i += PREVIEW_CONCURRENCY) {
    const batch = entries.slice(i, i + PREVIEW_CONCURRENCY);
    const previews = await Promise.all(batch.map((e) => buildLinkPreview(tenant, e.link).catch((): LinkPreview | null => null)));
    batch.forEach(({ guid, link, title, summary }, j) => out.push({ guid, link, title, summary, preview: previews[j] }));
  }
  return out;
}

// Fetches one feed (conditional GET, the same SSRF-safe fetcher as link previews) and turns
// each entry never seen before into a draft link post. Safe to run any number of times.
export async function importRssFeed(orgId: string, feedId: string): Promise<ImportResult> {
  const tenant = asSystem(orgId);
  const feed = await getRssFeed(tenant, feedId);
  if (!feed?.enabled) return { status: "skipped", created: 0 };

  const fail = async (error: string): Promise<ImportResult> => {
    await recordRssFetch(tenant, feed.id, { error });
    return { status: "failed", created: 0, error };
  };

  let response;
  try {
    response = await safeFetch(feed.url, {
      timeoutMs: 15_000,
      maxBytes: 5 * 1024 * 1024,
      overflow: "error",
      headers: {
        accept: "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1",
        ...(feed.etag ? { "if-none-match": feed.etag } : {}),
        ...(feed.lastModified ? { "if-modified-since": feed.lastModified } : {}),
      },
    });
  } catch (error) {
    if (error instanceof SafeFetchError) return fail(error.code);
    throw error;
  }
  if (response.status === 304) {
    await recordRssFetch(tenant, feed.id, {});
    return { status: "not_modified", created: 0 };
  }
  if (response.status >= 400) return fail("http_error");

  let parsed;
  try {
    parsed = await parseEntries(decode(response.body, response.headers["content-type"]));
  } catch {
    return fail("invalid_feed");
  }
  const known = await findKnownGuids(tenant, feed.id, parsed.entries.map((e) => e.guid));
  const fresh = parsed.entries
    .filter((e, i, all) => !known.has(e.guid) && all.findIndex((o) => o.guid === e.guid) === i)
    .sort((a, b) => b.date - a.date)
    .slice(0, MAX_NEW_ENTRIES_PER_RUN)
    // Oldest first, so the newest entry is also the newest draft.
    .reverse();

  let created = 0;
  for (const entry of await withPreviews(fresh, tenant)) {
    if (await createDraftFromEntry(tenant, feed, entry)) created += 1;
  }
  await recordRssFetch(tenant, feed.id, { etag: response.headers.etag ?? null, lastModified: response.headers["last-modified"] ?? null, title: parsed.title });
  return { status: "imported", created };
}
