import { rollUpEventJob } from "@/lib/analytics/jobs";
import { rollUpAction, rollUpClicks, rollUpShare } from "@/lib/analytics/rollup";
import { handler } from "../handler";

export default handler(rollUpEventJob, ({ eventId, orgId, fact }) => {
  if (fact.kind === "clicks") return rollUpClicks(eventId, orgId, fact.clickIds);
  if (fact.kind === "share") return rollUpShare(eventId, orgId, fact.shareId);
  return rollUpAction(eventId, orgId, fact.membershipId, fact.campaignId ?? null);
});
