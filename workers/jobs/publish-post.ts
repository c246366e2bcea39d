import { publishPostJob } from "@/lib/publishing/jobs";
import { publishDuePost } from "@/lib/publishing/queries";
import { handler } from "../handler";

// Only one run's UPDATE finds the post still scheduled; what follows publication is an event
// committed with it.
export default handler(publishPostJob, async ({ orgId, postId }) => ({ published: Boolean(await publishDuePost(orgId, postId, new Date())) }));
