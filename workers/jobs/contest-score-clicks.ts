import { scoreClicksJob } from "@/lib/contests/jobs";
import { scoreClicks } from "@/lib/contests/score";
import { handler } from "../handler";

export default handler(scoreClicksJob, ({ orgId, clickIds }) => scoreClicks(orgId, clickIds));
