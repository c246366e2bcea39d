import { expireDuePost, findOverduePosts, publishDuePost } from "./queries";

// Publishes and expires whatever is overdue, in case Redis lost a delayed job (a flushed or
// restored Redis). In normal running it finds nothing.
export async function sweepOverduePosts(now = new Date()) {
  let published = 0;
  let expired = 0;
  for (const due of await findOverduePosts(now)) {
    if (due.status === "scheduled") published += Number(Boolean(await publishDuePost(due.orgId, due.postId, now)));
    else expired += Number(Boolean(await expireDuePost(due.orgId, due.postId, now)));
  }
  return { published, expired };
}
