import { publishAlertStats } from "@/lib/alerts/stats";
import { deliverNotificationsJob, scheduleDeliveries } from "@/lib/notifications/jobs";
import { sendDueDeliveries } from "@/lib/notifications/send-deliveries";
import { handler } from "../handler";

export default handler(deliverNotificationsJob, async ({ orgId, dedupeKey }) => {
  const alertId = /^alert-(.+)$/.exec(dedupeKey)?.[1];
  const progress = alertId ? () => publishAlertStats(orgId, alertId, { throttle: true }) : undefined;
  const result = await sendDueDeliveries(orgId, dedupeKey, progress);
  if (alertId) await publishAlertStats(orgId, alertId);
  // Those still waiting (quiet hours, a retry's backoff) get a sender at their time.
  if (result.nextDueAt) await scheduleDeliveries(orgId, dedupeKey, result.nextDueAt);
  return result;
});
