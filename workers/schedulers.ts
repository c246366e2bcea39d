import { MAINTAIN_ANALYTICS_EVERY_MS, maintainAnalyticsJob } from "@/lib/analytics/jobs";
import { getQueue } from "@/lib/jobs/queues";
import { sweepPublishingJob } from "@/lib/publishing/jobs";
import { enqueueRssImportsJob, RSS_IMPORT_EVERY_MS } from "@/lib/rss/jobs";
import { syncLinkCacheJob } from "@/lib/tracked-links/jobs";

// Repeating jobs (BullMQ job schedulers) are upserted here at worker start: upserting is
// idempotent, so any number of worker processes may run it.
export async function startSchedulers() {
  await getQueue(sweepPublishingJob.queue).upsertJobScheduler("sweep-publishing", { every: 60_000 }, { name: sweepPublishingJob.name, data: {} });
  await getQueue(enqueueRssImportsJob.queue).upsertJobScheduler("rss-imports", { every: RSS_IMPORT_EVERY_MS }, { name: enqueueRssImportsJob.name, data: {} });
  await getQueue(syncLinkCacheJob.queue).upsertJobScheduler("sync-link-cache", { every: 60_000 }, { name: syncLinkCacheJob.name, data: {} });
  await getQueue(maintainAnalyticsJob.queue).upsertJobScheduler("maintain-analytics", { every: MAINTAIN_ANALYTICS_EVERY_MS }, { name: maintainAnalyticsJob.name, data: {} });
}
