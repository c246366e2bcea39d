import type { Redis } from "ioredis";
import type { LinkKeys } from "./config";
import { findLinkTargetsChangedSince, findLinkTargetsOfPost, type LinkTargetRow } from "./queries";
import { linkRedirectUrl } from "./utm";

export type CachedLink = { code: string; url: string; orgId: string; postId: string };

// link:<code> → { url, org, post }: everything the redirect needs, so a cached code never
// costs a PostgreSQL query. Written when a link is created, by the periodic sync (edits,
// warm-up) and after a PostgreSQL fallback.
export async function writeLinkCache(redis: Redis, keys: LinkKeys, links: CachedLink[]) {
  for (let i = 0; i < links.length; i += 1_000) {
    const pipeline = redis.pipeline();
    for (const link of links.slice(i, i + 1_000)) pipeline.hset(keys.link(link.code), "url", link.url, "org", link.orgId, "post", link.postId);
    const results = await pipeline.exec();
    const failed = results?.find(([error]) => error);
    if (failed) throw failed[0];
  }
}

export async function readLinkUrl(redis: Redis, keys: LinkKeys, code: string) {
  return redis.hget(keys.link(code), "url");
}

export async function cacheLinkTargets(redis: Redis, keys: LinkKeys, appUrl: string, targets: LinkTargetRow[]) {
  await writeLinkCache(
    redis,
    keys,
    targets.map((t) => ({ code: t.code, url: linkRedirectUrl(t, appUrl), orgId: t.orgId, postId: t.postId })),
  );
}

// Edits reach the cache without the editor knowing about it: every run rewrites the entries
// of links whose post or campaign changed (or that are new) since the last run; the first
// run, or `full`, rewrites them all (warm-up after Redis lost its data).
export async function syncLinkCache(redis: Redis, keys: LinkKeys, appUrl: string, options: { full?: boolean } = {}) {
  const startedAt = Date.now();
  const last = options.full ? null : await redis.get(keys.syncedAt);
  // Overlap generously: web processes stamp updated_at with their own clocks.
  const since = last ? new Date(Number(last) - 5 * 60_000) : null;
  let after = "";
  let written = 0;
  for (;;) {
    const page = await findLinkTargetsChangedSince(since, after, 1_000);
    if (page.length === 0) break;
    await cacheLinkTargets(redis, keys, appUrl, page);
    written += page.length;
    after = page[page.length - 1].id;
  }
  await redis.set(keys.syncedAt, String(startedAt));
  return { written };
}

// Tells every redirect process to forget what it holds in memory for these codes (their next
// request reads Redis again). A process that misses the message (reconnecting) catches up
// when its entry's LINK_CACHE_TTL_MS runs out.
export async function announceLinkChanges(redis: Redis, keys: LinkKeys, codes: string[]) {
  for (let i = 0; i < codes.length; i += 1_000) await redis.publish(keys.linkChanges, codes.slice(i, i + 1_000).join(","));
}

// One post's links, now: rewritten from PostgreSQL (an approved destination), and the codes
// in `goneCodes` that PostgreSQL no longer has (a deleted post) removed, so that they answer
// the friendly 404. Safe to run again.
export async function refreshPostLinks(redis: Redis, keys: LinkKeys, appUrl: string, postId: string, goneCodes: string[]) {
  const targets = await findLinkTargetsOfPost(postId);
  await cacheLinkTargets(redis, keys, appUrl, targets);
  const live = new Set(targets.map((t) => t.code));
  const gone = goneCodes.filter((code) => !live.has(code));
  for (let i = 0; i < gone.length; i += 1_000) await redis.unlink(...gone.slice(i, i + 1_000).map((code) => keys.link(code)));
  await announceLinkChanges(redis, keys, [...live, ...gone]);
  return { written: targets.length, removed: gone.length };
}
