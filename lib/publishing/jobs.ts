import { z } from "zod";
import type { Post } from "@/db/schema";
import { defineJob, removeJob, type JobRequest } from "@/lib/jobs/define-job";
import type { StoredEvent } from "@/lib/jobs/events";
import { delayUntil, expireJobId, publishJobId } from "./job-ids";

const postRef = z.object({ orgId: z.string().min(1), postId: z.string().min(1) });

export const publishPostJob = defineJob({ name: "publish-post", queue: "publishing", schema: postRef });
export const expirePostJob = defineJob({ name: "expire-post", queue: "publishing", schema: postRef });
// Everyone who may see a post that just went out gets one notification.
export const notifyPostPublishedJob = defineJob({ name: "notify-post-published", queue: "notifications", schema: postRef });
// Every minute: the safety net for a delayed job Redis lost.
export const sweepPublishingJob = defineJob({ name: "sweep-publishing", queue: "publishing", schema: z.object({}).passthrough() });

type Timed = Pick<Post, "id" | "organizationId" | "status" | "publishAt" | "expiresAt">;

const publishJob = (p: Timed) => (p.status === "scheduled" && p.publishAt ? publishJobId(p) : null);
const expireJob = (p: Timed) => (p.status === "published" && p.expiresAt ? expireJobId(p) : null);

const publishRequest = (p: Timed) => publishPostJob.request({ orgId: p.organizationId, postId: p.id }, { jobId: publishJobId(p), delay: delayUntil(p.publishAt!) });
const expireRequest = (p: Timed) => expirePostJob.request({ orgId: p.organizationId, postId: p.id }, { jobId: expireJobId(p), delay: delayUntil(p.expiresAt!) });

// After a post's status or times changed: the delayed jobs follow. Editing the time moves the
// job; leaving "scheduled" or "published" removes it. A job that cannot be removed (running
// right now) re-reads the post and finds nothing due.
export function publishingJobRequests(before: Timed, after: Timed): JobRequest[] {
  const requests: JobRequest[] = [];
  const [oldPublish, newPublish] = [publishJob(before), publishJob(after)];
  if (oldPublish && oldPublish !== newPublish) requests.push(removeJob("publishing", oldPublish));
  if (newPublish && newPublish !== oldPublish) requests.push(publishRequest(after));
  const [oldExpire, newExpire] = [expireJob(before), expireJob(after)];
  if (oldExpire && oldExpire !== newExpire) requests.push(removeJob("publishing", oldExpire));
  if (newExpire && newExpire !== oldExpire) requests.push(expireRequest(after));
  return requests;
}

export function onPostTimingChanged({ orgId, payload }: StoredEvent<"post.timing.changed">): JobRequest[] {
  const timed = (t: typeof payload.before): Timed => ({
    id: payload.postId,
    organizationId: orgId,
    status: t.status as Post["status"],
    publishAt: t.publishAt ? new Date(t.publishAt) : null,
    expiresAt: t.expiresAt ? new Date(t.expiresAt) : null,
  });
  return publishingJobRequests(timed(payload.before), timed(payload.after));
}

// Once out: the audience is told, and the expiry (if any) is set. The notification's job id
// names the publication, so a post published again later notifies again.
export function onPostPublished({ orgId, payload }: StoredEvent<"post.published">): JobRequest[] {
  const at = new Date(payload.publishedAt).getTime();
  const requests = [notifyPostPublishedJob.request({ orgId, postId: payload.postId }, { jobId: `notify-published-${payload.postId}-${at}` })];
  if (payload.expiresAt) requests.push(expireRequest({ id: payload.postId, organizationId: orgId, status: "published", publishAt: null, expiresAt: new Date(payload.expiresAt) }));
  return requests;
}
