import { sendAlertReminder } from "@/lib/alerts/fan-out";
import { alertReminderJob } from "@/lib/alerts/jobs";
import { handler } from "../handler";

export default handler(alertReminderJob, ({ orgId, alertId, round }) => sendAlertReminder(orgId, alertId, round));
