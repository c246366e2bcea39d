import { UnrecoverableError } from "bullmq";
import { z } from "zod";
import { parseImport } from "@/lib/imports/parse-csv";
import { applyImportBatch, getImportForJob, loadGroupIndex, setImportStatus } from "@/lib/imports/queries";
import { defineJob } from "../define-job";

const BATCH_SIZE = 1_000;

export const importAdvocatesJob = defineJob({
  name: "import-advocates",
  queue: "imports",
  schema: z.object({ orgId: z.string().min(1), importId: z.string().min(1) }),
  async handle({ orgId, importId }, job) {
    const found = await getImportForJob(orgId, importId);
    if (!found || found.status === "completed" || found.status === "failed") return;
    try {
      await setImportStatus(orgId, importId, "processing");
      const parsed = parseImport(found.content);
      if (!parsed.ok) throw new UnrecoverableError(`Import ${importId} cannot be parsed: ${parsed.reason}`);
      const groupIndex = await loadGroupIndex(orgId);
      // Resumes where the last committed batch stopped.
      for (let from = found.processedRows; from < parsed.rows.length; from += BATCH_SIZE) {
        await applyImportBatch(orgId, importId, from, parsed.rows.slice(from, from + BATCH_SIZE), groupIndex);
      }
      await setImportStatus(orgId, importId, "completed");
    } catch (error) {
      const lastAttempt = error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (lastAttempt) await setImportStatus(orgId, importId, "failed");
      throw error;
    }
  },
});
