import { markSharesDone } from "@/lib/alerts/complete-action";
import { alertShareDoneJob } from "@/lib/alerts/jobs";
import { handler } from "../handler";

export default handler(alertShareDoneJob, ({ orgId, postId, userId }) => markSharesDone(orgId, postId, userId));
