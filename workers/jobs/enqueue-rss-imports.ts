import { z } from "zod";
import { findEnabledRssFeeds } from "@/lib/rss/queries";
import { defineJob } from "../define-job";
import { importRssFeedJob } from "./import-rss-feed";

export const RSS_IMPORT_EVERY_MS = 30 * 60_000;

// Run by the job scheduler: one import per enabled feed. The jobId names the half-hour, so a
// scheduler tick that runs twice still enqueues each feed once.
export const enqueueRssImportsJob = defineJob({
  name: "enqueue-rss-imports",
  queue: "imports",
  schema: z.object({}),
  async handle() {
    const slot = Math.floor(Date.now() / RSS_IMPORT_EVERY_MS);
    const feeds = await findEnabledRssFeeds();
    await Promise.all(feeds.map((feed) => importRssFeedJob.enqueue({ orgId: feed.organizationId, feedId: feed.id }, { jobId: `rss-${feed.id}-${slot}` })));
    return { enqueued: feeds.length };
  },
});
