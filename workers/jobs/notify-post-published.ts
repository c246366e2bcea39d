import { notifyPostPublishedJob } from "@/lib/publishing/jobs";
import { notifyPostAudience } from "@/lib/publishing/notify-audience";
import { handler } from "../handler";

export default handler(notifyPostPublishedJob, ({ orgId, postId }) => notifyPostAudience(orgId, postId));
