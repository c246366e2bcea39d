import "server-only";
import type { Post } from "@/db/schema";
import { getQueue } from "@/workers/queues";
import { enqueueExpiry } from "@/workers/jobs/expire-post";
import { enqueuePublish } from "@/workers/jobs/publish-post";
import { expireJobId, publishJobId } from "./job-ids";

type Timed = Pick<Post, "id" | "organizationId" | "status" | "publishAt" | "expiresAt">;

const publishJob = (p: Timed) => (p.status === "scheduled" && p.publishAt ? publishJobId(p) : null);
const expireJob = (p: Timed) => (p.status === "published" && p.expiresAt ? expireJobId(p) : null);

// After a post's status or times changed (and the transaction committed): the delayed jobs
// follow. Editing the time moves the job; leaving "scheduled" or "published" removes it. A job
// that cannot be removed (running right now) re-reads the post and finds nothing due.
export async function syncPublishingJobs(before: Timed, after: Timed) {
  const queue = getQueue("publishing");
  const [oldPublish, newPublish] = [publishJob(before), publishJob(after)];
  if (oldPublish && oldPublish !== newPublish) await queue.remove(oldPublish);
  if (newPublish && newPublish !== oldPublish) await enqueuePublish(after);
  const [oldExpire, newExpire] = [expireJob(before), expireJob(after)];
  if (oldExpire && oldExpire !== newExpire) await queue.remove(oldExpire);
  if (newExpire && newExpire !== oldExpire) await enqueueExpiry(after);
}
