import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";

export const RSS_IMPORT_EVERY_MS = 30 * 60_000;

// One feed; idempotent (each entry becomes a draft once, whatever the number of runs). Enqueued
// directly: a lost run is redone by the next half-hourly tick.
export const importRssFeedJob = defineJob({
  name: "import-rss-feed",
  queue: "imports",
  schema: z.object({ orgId: z.string().min(1), feedId: z.string().min(1) }),
});

// The half-hourly tick of the job scheduler: one import per enabled feed.
export const enqueueRssImportsJob = defineJob({ name: "enqueue-rss-imports", queue: "imports", schema: z.object({}).passthrough() });

// The jobId names the half-hour, so a tick that runs twice still enqueues each feed once.
export function enqueueRssImport(feed: { id: string; organizationId: string }, slot?: number) {
  return importRssFeedJob.enqueue({ orgId: feed.organizationId, feedId: feed.id }, slot === undefined ? undefined : { jobId: `rss-${feed.id}-${slot}` });
}
