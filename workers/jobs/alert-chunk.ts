import { deliverAlertChunk } from "@/lib/alerts/fan-out";
import { alertChunkJob } from "@/lib/alerts/jobs";
import { handler } from "../handler";

export default handler(alertChunkJob, ({ orgId, alertId, ...chunk }) => deliverAlertChunk(orgId, alertId, chunk));
