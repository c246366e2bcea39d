import { startAlertFanout } from "@/lib/alerts/fan-out";
import { alertFanoutJob } from "@/lib/alerts/jobs";
import { handler } from "../handler";

export default handler(alertFanoutJob, ({ orgId, alertId, sendAt }) => startAlertFanout(orgId, alertId, sendAt));
