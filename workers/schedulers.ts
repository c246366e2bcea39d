import { PURGE_JOIN_CLAIMS_EVERY_MS, purgeJoinClaimsJob } from "@/lib/invitations/jobs";
import { contestsTickJob, CONTESTS_TICK_EVERY_MS } from "@/lib/contests/jobs";
import { MAINTAIN_ANALYTICS_EVERY_MS, maintainAnalyticsJob } from "@/lib/analytics/jobs";
import { getQueue } from "@/lib/jobs/queues";
import { applyRetentionJob, RETENTION_EVERY_MS } from "@/lib/privacy/jobs";
import { sweepPublishingJob } from "@/lib/publishing/jobs";
import { enqueueRssImportsJob, RSS_IMPORT_EVERY_MS } from "@/lib/rss/jobs";
import { syncLinkCacheJob } from "@/lib/tracked-links/jobs";
import { DIGEST_EVERY_MS, sendDigestsJob } from "@/lib/notifications/jobs";
import { getVapidKeys } from "@/lib/notifications/secrets";

// Repeating jobs (BullMQ job schedulers) are upserted here at worker start: upserting is
// idempotent, so any number of worker processes may run it.
export async function startSchedulers() {
  await getQueue(sweepPublishingJob.queue).upsertJobScheduler("sweep-publishing", { every: 60_000 }, { name: sweepPublishingJob.name, data: {} });
  await getQueue(enqueueRssImportsJob.queue).upsertJobScheduler("rss-imports", { every: RSS_IMPORT_EVERY_MS }, { name: enqueueRssImportsJob.name, data: {} });
  await getQueue(syncLinkCacheJob.queue).upsertJobScheduler("sync-link-cache", { every: 60_000 }, { name: syncLinkCacheJob.name, data: {} });
  await getQueue(purgeJoinClaimsJob.queue).upsertJobScheduler("purge-join-claims", { every: PURGE_JOIN_CLAIMS_EVERY_MS }, { name: purgeJoinClaimsJob.name, data: {} });
  await getQueue(applyRetentionJob.queue).upsertJobScheduler("apply-retention", { every: RETENTION_EVERY_MS }, { name: applyRetentionJob.name, data: {} });
  await getQueue(contestsTickJob.queue).upsertJobScheduler("contests-tick", { every: CONTESTS_TICK_EVERY_MS }, { name: contestsTickJob.name, data: {} });
  await getQueue(sendDigestsJob.queue).upsertJobScheduler("send-digests", { every: DIGEST_EVERY_MS }, { name: sendDigestsJob.name, data: {} });
  // Web push needs the instance's VAPID keys: made on the first start, kept in PostgreSQL.
  await getVapidKeys();
  await getQueue(maintainAnalyticsJob.queue).upsertJobScheduler("maintain-analytics", { every: MAINTAIN_ANALYTICS_EVERY_MS }, { name: maintainAnalyticsJob.name, data: {} });
}
