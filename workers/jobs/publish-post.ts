import { z } from "zod";
import type { Post } from "@/db/schema";
import { delayUntil, publishJobId } from "@/lib/publishing/job-ids";
import { getPostState, publishDuePost } from "@/lib/publishing/queries";
import { defineJob } from "../define-job";
import { enqueueExpiry } from "./expire-post";
import { notifyPostPublishedJob } from "./notify-post-published";

// Publishes a scheduled post whose time has come, then queues what follows publication.
// Safe to run any number of times: only one run's UPDATE finds the post still scheduled, and
// the follow-ups are idempotent, so a run that crashed after publishing completes them on retry.
export async function publishIfDue(orgId: string, postId: string, now = new Date()) {
  const published = await publishDuePost(orgId, postId, now);
  const post = published ?? (await getPostState(orgId, postId));
  if (!post || post.status !== "published") return { published: false };
  await notifyPostPublishedJob.enqueue({ orgId, postId }, { jobId: `notify-published-${postId}-${post.publishedAt!.getTime()}` });
  await enqueueExpiry(post);
  return { published: Boolean(published) };
}

export const publishPostJob = defineJob({
  name: "publish-post",
  queue: "publishing",
  schema: z.object({ orgId: z.string().min(1), postId: z.string().min(1) }),
  handle: ({ orgId, postId }) => publishIfDue(orgId, postId),
});

export function enqueuePublish(post: Pick<Post, "id" | "organizationId" | "publishAt">) {
  return publishPostJob.enqueue({ orgId: post.organizationId, postId: post.id }, { jobId: publishJobId(post), delay: delayUntil(post.publishAt!) });
}
