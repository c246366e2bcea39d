import { scoreActionJob } from "@/lib/contests/jobs";
import { scoreAction } from "@/lib/contests/score";
import { handler } from "../handler";

export default handler(scoreActionJob, ({ orgId, ...action }) => scoreAction(orgId, action));
