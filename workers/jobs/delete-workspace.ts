import { deleteWorkspaceJob } from "@/lib/privacy/jobs";
import { deleteWorkspace } from "@/lib/privacy/workspace";
import { handler } from "../handler";

export default handler(deleteWorkspaceJob, ({ deletionId }, job) => deleteWorkspace(deletionId, (done, total) => job.updateProgress(Math.round((done / total) * 100))));
