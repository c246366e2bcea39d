import { rebuildAnalyticsJob } from "@/lib/analytics/jobs";
import { rebuildInTimeZone } from "@/lib/analytics/rebuild-time-zone";
import { handler } from "../handler";

export default handler(rebuildAnalyticsJob, ({ eventId, orgId }) => rebuildInTimeZone(eventId, orgId));
