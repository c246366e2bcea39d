import { sweepPublishingJob } from "@/lib/publishing/jobs";
import { sweepOverduePosts } from "@/lib/publishing/sweep";
import { handler } from "../handler";

export default handler(sweepPublishingJob, () => sweepOverduePosts());
