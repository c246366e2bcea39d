// POST /api/orgs/:org/imports – upload a CSV of advocates; the import runs as a job.
// A route handler rather than a server action: server actions cap bodies at 1 MB.
import { NextResponse } from "next/server";
import { apiError, withOrg } from "@/lib/api";
import { MAX_IMPORT_BYTES } from "@/lib/imports/parse-csv";
import { startImport, UploadRefused } from "@/lib/imports/start-import";

export const POST = withOrg(
  async ({ req, tenant }) => {
    // Refuse an oversized upload before reading it (multipart overhead allowed for).
    if (Number(req.headers.get("content-length") ?? 0) > MAX_IMPORT_BYTES + 64 * 1024) {
      return apiError("bad_request", "File too large", { reason: "file_too_large", maxBytes: MAX_IMPORT_BYTES });
    }
    const form = await req.formData().catch(() => null);
    const file = form?.get("file");
    if (!(file instanceof File) || file.size === 0) return apiError("bad_request", "No file", { reason: "empty_file" });
    try {
      const started = await startImport(tenant, { name: file.name, size: file.size, bytes: async () => new Uint8Array(await file.arrayBuffer()) });
      return NextResponse.json(started, { status: 201 });
    } catch (error) {
      if (error instanceof UploadRefused) return apiError("bad_request", error.message, { reason: error.reason, maxBytes: MAX_IMPORT_BYTES });
      throw error;
    }
  },
  { permission: "imports.write" },
);
