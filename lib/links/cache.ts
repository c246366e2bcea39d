import type { Redis } from "ioredis";
import type { LinkKeys } from "./config";

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
