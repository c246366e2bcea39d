import { importRssFeed } from "@/lib/rss/import-feed";
import { importRssFeedJob } from "@/lib/rss/jobs";
import { handler } from "../handler";

export default handler(importRssFeedJob, ({ orgId, feedId }) => importRssFeed(orgId, feedId));
