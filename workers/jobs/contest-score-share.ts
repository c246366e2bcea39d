import { scoreShareJob } from "@/lib/contests/jobs";
import { scoreShare } from "@/lib/contests/score";
import { handler } from "../handler";

export default handler(scoreShareJob, ({ orgId, shareId }) => scoreShare(orgId, shareId));
