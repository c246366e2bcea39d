import { applyRetentionJob } from "@/lib/privacy/jobs";
import { applyAllRetention } from "@/lib/privacy/retention";
import { handler } from "../handler";

export default handler(applyRetentionJob, () => applyAllRetention());
