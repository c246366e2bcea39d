import { sendDigestsJob } from "@/lib/notifications/jobs";
import { sendDueDigests } from "@/lib/notifications/send-digests";
import { handler } from "../handler";

export default handler(sendDigestsJob, () => sendDueDigests());
