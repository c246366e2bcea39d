import { z } from "zod";
import { postTitles } from "@/lib/posts/queries";
import { insertNotifications } from "@/lib/notifications/queries";
import { findAudiencePage, getPostState } from "@/lib/publishing/queries";
import { db } from "@/db/client";
import { defineJob } from "../define-job";

const BATCH = 1000;

// Everyone who may see a post that just went out gets one in-app notification. The dedupe key
// names this publication, so a retry, a second enqueue or a job that runs twice adds nothing.
export const notifyPostPublishedJob = defineJob({
  name: "notify-post-published",
  queue: "notifications",
  schema: z.object({ orgId: z.string().min(1), postId: z.string().min(1) }),
  async handle({ orgId, postId }) {
    const post = await getPostState(orgId, postId);
    if (!post || post.status !== "published" || !post.publishedAt) return { notified: 0 };
    const data = { postId, ...(await postTitles(db, postId)) };
    const dedupeKey = `post-published-${postId}-${post.publishedAt.getTime()}`;
    let notified = 0;
    let after: string | null = null;
    for (;;) {
      const page = await findAudiencePage(post, after, BATCH);
      if (!page.length) break;
      notified += await insertNotifications(db, orgId, page.map((m) => ({ userId: m.userId, type: "post_published", data, href: `/feed/${postId}`, dedupeKey })));
      after = page[page.length - 1].membershipId;
      if (page.length < BATCH) break;
    }
    return { notified };
  },
});
