import { z } from "zod";
import { getRedis } from "@/lib/redis";
import { syncLinkCache, whenReady } from "@/lib/tracked-links/cache";
import { linkKeys, linksConfig } from "@/lib/tracked-links/config";
import { defineJob } from "../define-job";

// Every minute: rewrite the Redis entries (link:<code>) of links whose destination may have
// changed, so the redirect never needs PostgreSQL for a known code. `full` rewrites them all.
export const syncLinkCacheJob = defineJob({
  name: "sync-link-cache",
  queue: "clicks",
  schema: z.object({ full: z.boolean().optional() }),
  async handle({ full }) {
    const config = linksConfig();
    const redis = getRedis();
    await whenReady(redis, 5_000);
    return syncLinkCache(redis, linkKeys(config.QUEUE_PREFIX), config.APP_URL, { full });
  },
});
