import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { rssFeeds } from "@/db/schema";
import { createOrg } from "@/tests/factories";
import { RSS_IMPORT_EVERY_MS } from "@/lib/rss/jobs";
import enqueueRssImports from "@/workers/jobs/enqueue-rss-imports";
import { getQueue } from "@/lib/jobs/queues";
import type { Job } from "bullmq";

async function feed(enabled: boolean) {
  const org = await createOrg();
  const [row] = await db.insert(rssFeeds).values({ organizationId: org.id, url: `https://blog.example/${org.slug}/feed`, enabled }).returning();
  return row;
}

describe("scheduled RSS imports", () => {
  it("enqueue one import per enabled feed, once per half-hour however often the tick runs", async () => {
    const enabled = await feed(true);
    const disabled = await feed(false);
    const queue = getQueue("imports");
    const slot = Math.floor(Date.now() / RSS_IMPORT_EVERY_MS);

    await enqueueRssImports.run({}, {} as Job);
    await enqueueRssImports.run({}, {} as Job);

    const jobs = (await queue.getJobs(["waiting", "delayed", "active"])).filter((j) => j.name === "import-rss-feed");
    const mine = jobs.filter((j) => [enabled.id, disabled.id].includes(j.data.feedId));
    expect(mine.map((j) => [j.id, j.data])).toEqual([[`rss-${enabled.id}-${slot}`, { orgId: enabled.organizationId, feedId: enabled.id }]]);
    // Nothing runs these here: leave no work behind for another test file of this worker.
    await Promise.all(jobs.map((j) => j.remove()));
  });
});
