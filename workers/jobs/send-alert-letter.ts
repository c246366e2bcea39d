import { deliverLetter } from "@/lib/alerts/deliver-letter";
import { alertLetterJob } from "@/lib/alerts/jobs";
import { handler } from "../handler";

export default handler(alertLetterJob, ({ orgId, letterId }) => deliverLetter(orgId, letterId));
