import { getRedis, whenReady } from "@/lib/redis";
import { refreshPostLinks } from "@/lib/tracked-links/cache";
import { linkKeys, linksConfig } from "@/lib/tracked-links/config";
import { refreshLinkCacheJob } from "@/lib/tracked-links/jobs";
import { handler } from "../handler";

export default handler(refreshLinkCacheJob, async ({ postId, goneCodes }) => {
  const config = linksConfig();
  const redis = getRedis();
  await whenReady(redis, 5_000);
  return refreshPostLinks(redis, linkKeys(config.QUEUE_PREFIX), config.APP_URL, postId, goneCodes);
});
