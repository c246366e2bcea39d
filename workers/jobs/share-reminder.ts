import { shareReminderJob } from "@/lib/shares/jobs";
import { sendShareReminder } from "@/lib/shares/queries";
import { handler } from "../handler";

export default handler(shareReminderJob, ({ orgId, reminderId }) => sendShareReminder(orgId, reminderId));
