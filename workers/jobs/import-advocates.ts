import { UnrecoverableError } from "bullmq";
import { importAdvocatesJob } from "@/lib/imports/jobs";
import { runImport, UnreadableImport } from "@/lib/imports/run-import";
import { handler } from "../handler";

export default handler(importAdvocatesJob, async ({ orgId, importId }, job) => {
  try {
    await runImport(orgId, importId, () => job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
  } catch (error) {
    // A file that cannot be read will not become readable: do not retry it.
    if (error instanceof UnreadableImport) throw new UnrecoverableError(error.message);
    throw error;
  }
});
