import { parseImport } from "./parse-csv";
import { applyImportBatch, getImportForJob, loadGroupIndex, setImportStatus } from "./queries";

const BATCH_SIZE = 1_000;

export class UnreadableImport extends Error {}

// Applies an uploaded file in batches of 1,000 rows, each committed with the progress it
// makes, so a run that stops resumes where the last committed batch stopped. `lastAttempt`
// says whether a failure is final (the import is then marked failed for its uploader).
export async function runImport(orgId: string, importId: string, lastAttempt: (error: unknown) => boolean) {
  const found = await getImportForJob(orgId, importId);
  if (!found || found.status === "completed" || found.status === "failed") return;
  try {
    await setImportStatus(orgId, importId, "processing");
    const parsed = parseImport(found.content);
    if (!parsed.ok) throw new UnreadableImport(`Import ${importId} cannot be parsed: ${parsed.reason}`);
    const groupIndex = await loadGroupIndex(orgId);
    for (let from = found.processedRows; from < parsed.rows.length; from += BATCH_SIZE) {
      await applyImportBatch(orgId, importId, from, parsed.rows.slice(from, from + BATCH_SIZE), groupIndex);
    }
    await setImportStatus(orgId, importId, "completed");
  } catch (error) {
    if (error instanceof UnreadableImport || lastAttempt(error)) await setImportStatus(orgId, importId, "failed");
    throw error;
  }
}
