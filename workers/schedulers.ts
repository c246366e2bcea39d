import { enqueueRssImportsJob, RSS_IMPORT_EVERY_MS } from "./jobs/enqueue-rss-imports";
import { sweepPublishingJob } from "./jobs/sweep-publishing";
import { syncLinkCacheJob } from "./jobs/sync-link-cache";
import { getQueue } from "./queues";

// Repeating jobs (BullMQ job schedulers) are upserted here at worker start: upserting is
// idempotent, so any number of worker processes may run it.
export async function startSchedulers() {
  await getQueue(sweepPublishingJob.queue).upsertJobScheduler("sweep-publishing", { every: 60_000 }, { name: sweepPublishingJob.name, data: {} });
  await getQueue(enqueueRssImportsJob.queue).upsertJobScheduler("rss-imports", { every: RSS_IMPORT_EVERY_MS }, { name: enqueueRssImportsJob.name, data: {} });
  await getQueue(syncLinkCacheJob.queue).upsertJobScheduler("sync-link-cache", { every: 60_000 }, { name: syncLinkCacheJob.name, data: {} });
}
