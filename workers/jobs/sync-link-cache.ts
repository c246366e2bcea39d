import { getRedis, whenReady } from "@/lib/redis";
import { syncLinkCache } from "@/lib/tracked-links/cache";
import { linkKeys, linksConfig } from "@/lib/tracked-links/config";
import { syncLinkCacheJob } from "@/lib/tracked-links/jobs";
import { handler } from "../handler";

export default handler(syncLinkCacheJob, async ({ full }) => {
  const config = linksConfig();
  const redis = getRedis();
  await whenReady(redis, 5_000);
  return syncLinkCache(redis, linkKeys(config.QUEUE_PREFIX), config.APP_URL, { full });
});
