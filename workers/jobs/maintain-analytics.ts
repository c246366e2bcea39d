import { maintainAnalyticsJob } from "@/lib/analytics/jobs";
import { ensureClickPartitions } from "@/lib/analytics/partitions";
import { purgeAppliedEvents } from "@/lib/analytics/rollup";
import { handler } from "../handler";

export default handler(maintainAnalyticsJob, async () => {
  const created = await ensureClickPartitions();
  const purged = await purgeAppliedEvents(new Date(Date.now() - 30 * 86_400_000));
  return { created, purged };
});
