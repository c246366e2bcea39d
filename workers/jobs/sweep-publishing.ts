import { z } from "zod";
import { expireDuePost, findOverduePosts } from "@/lib/publishing/queries";
import { defineJob } from "../define-job";
import { publishIfDue } from "./publish-post";

// Every minute: publishes and expires whatever is overdue, in case Redis lost a delayed job
// (a flushed or restored Redis). In normal running it finds nothing.
export const sweepPublishingJob = defineJob({
  name: "sweep-publishing",
  queue: "publishing",
  schema: z.object({}).passthrough(),
  async handle() {
    const now = new Date();
    let published = 0;
    let expired = 0;
    for (const due of await findOverduePosts(now)) {
      if (due.status === "scheduled") published += Number((await publishIfDue(due.orgId, due.postId, now)).published);
      else expired += Number(Boolean(await expireDuePost(due.orgId, due.postId, now)));
    }
    return { published, expired };
  },
});
