import { expirePostJob } from "@/lib/publishing/jobs";
import { expireDuePost } from "@/lib/publishing/queries";
import { handler } from "../handler";

// A stale job (the expiry moved later, or the post went back to draft) finds nothing due.
export default handler(expirePostJob, async ({ orgId, postId }) => ({ expired: Boolean(await expireDuePost(orgId, postId, new Date())) }));
