import { enqueueRssImport, enqueueRssImportsJob, RSS_IMPORT_EVERY_MS } from "@/lib/rss/jobs";
import { findEnabledRssFeeds } from "@/lib/rss/queries";
import { handler } from "../handler";

export default handler(enqueueRssImportsJob, async () => {
  const slot = Math.floor(Date.now() / RSS_IMPORT_EVERY_MS);
  const feeds = await findEnabledRssFeeds();
  await Promise.all(feeds.map((feed) => enqueueRssImport(feed, slot)));
  return { enqueued: feeds.length };
});
