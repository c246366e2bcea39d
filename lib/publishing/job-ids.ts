import type { Post } from "@/db/schema";

// Job ids carry the time they were made for: moving the time makes a new job (the old one is
// removed, and if it ever ran it would find the post not yet due and do nothing), and a
// completed job kept by BullMQ never swallows a later schedule of the same post.
export const publishJobId = (post: Pick<Post, "id" | "publishAt">) => `publish-${post.id}-${post.publishAt!.getTime()}`;
export const expireJobId = (post: Pick<Post, "id" | "expiresAt">) => `expire-${post.id}-${post.expiresAt!.getTime()}`;

export const delayUntil = (at: Date, now = Date.now()) => Math.max(0, at.getTime() - now);
