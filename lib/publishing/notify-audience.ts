import { db } from "@/db/client";
import { scheduleDeliveries } from "@/lib/notifications/jobs";
import { notify } from "@/lib/notifications/notify";
import { postTitles } from "@/lib/posts/queries";
import { findAudiencePage, getPostState } from "./queries";

const BATCH = 1000;

// Everyone who may see a post that just went out gets one in-app notification. The
// notification names this publication, so a retry, a second enqueue or a job that runs twice
// adds nothing.
export async function notifyPostAudience(orgId: string, postId: string) {
  const post = await getPostState(orgId, postId);
  if (!post || post.status !== "published" || !post.publishedAt) return { notified: 0 };
  const data = { postId, ...(await postTitles(db, postId)) };
  const about = `${postId}-${post.publishedAt.getTime()}`;
  let notified = 0;
  let after: string | null = null;
  for (;;) {
    const page = await findAudiencePage(post, after, BATCH);
    if (!page.length) break;
    notified += await notify(db, { orgId, kind: "post_published", recipients: page.map((m) => m.userId), data, href: `/feed/${postId}`, about });
    after = page[page.length - 1].membershipId;
    if (page.length < BATCH) break;
  }
  // Email and push (members' preferences, digests) go the way every notification goes.
  await scheduleDeliveries(orgId, `post_published-${about}`);
  return { notified };
}
