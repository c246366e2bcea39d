import { AppError } from "@/lib/errors";
import type { Tenant } from "@/lib/tenancy";
import { decodeCsv, MAX_IMPORT_BYTES, parseImport } from "./parse-csv";
import { createImport } from "./queries";

export type UploadRefusal = "file_too_large" | "not_csv" | "empty_file" | "missing_email_column" | "too_many_rows";

export class UploadRefused extends AppError {
  constructor(readonly reason: UploadRefusal) {
    super("bad_request", `Import refused: ${reason}`);
  }
}

// Checks the file at once (size, encoding, header) so the person uploading sees what is
// wrong before any job runs; the rows themselves are checked by the job.
export async function startImport(tenant: Tenant, file: { name: string; size: number; bytes(): Promise<Uint8Array> }) {
  if (file.size > MAX_IMPORT_BYTES) throw new UploadRefused("file_too_large");
  if (!/\.(csv|txt)$/i.test(file.name)) throw new UploadRefused("not_csv");
  const content = decodeCsv(await file.bytes());
  const parsed = parseImport(content);
  if (!parsed.ok) throw new UploadRefused(parsed.reason);
  const { id } = await createImport(tenant, { fileName: file.name.slice(0, 200), content, totalRows: parsed.rows.length });
  return { id, totalRows: parsed.rows.length };
}
