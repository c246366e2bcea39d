import { z } from "zod";
import { importRssFeed } from "@/lib/rss/import-feed";
import { defineJob } from "../define-job";

// One feed; idempotent (each entry becomes a draft once, whatever the number of runs).
export const importRssFeedJob = defineJob({
  name: "import-rss-feed",
  queue: "imports",
  schema: z.object({ orgId: z.string().min(1), feedId: z.string().min(1) }),
  handle: ({ orgId, feedId }) => importRssFeed(orgId, feedId),
});
