import { z } from "zod";
import type { Post } from "@/db/schema";
import { delayUntil, expireJobId } from "@/lib/publishing/job-ids";
import { expireDuePost } from "@/lib/publishing/queries";
import { defineJob } from "../define-job";

export const expirePostJob = defineJob({
  name: "expire-post",
  queue: "publishing",
  schema: z.object({ orgId: z.string().min(1), postId: z.string().min(1) }),
  async handle({ orgId, postId }) {
    // A stale job (the expiry moved later, or the post went back to draft) finds nothing due.
    const post = await expireDuePost(orgId, postId, new Date());
    return { expired: Boolean(post) };
  },
});

export function enqueueExpiry(post: Pick<Post, "id" | "organizationId" | "expiresAt">) {
  if (!post.expiresAt) return null;
  return expirePostJob.enqueue({ orgId: post.organizationId, postId: post.id }, { jobId: expireJobId(post), delay: delayUntil(post.expiresAt) });
}
