import "server-only";
import { AppError } from "@/lib/errors";
import { fromOutside } from "@/lib/input";
import type { Tenant } from "@/lib/tenancy";
import { personalExportPath, readPersonalDataExport } from "./export-personal-data";
import { downloadSchema } from "./schemas";
import { verifySignedPath } from "./signed-link";
import { readWorkspaceExport, workspaceExportPath } from "./workspace";

type StoredFile = Awaited<ReturnType<typeof readPersonalDataExport>>;

function parse(req: Request, params: Record<string, string>) {
  const url = new URL(req.url);
  return fromOutside(downloadSchema).parse({ ...params, expires: url.searchParams.get("expires") ?? undefined, sig: url.searchParams.get("sig") ?? undefined });
}

function answer(file: StoredFile, name: string) {
  return new Response(file.stream(), {
    headers: {
      "content-type": file.contentType,
      "content-length": String(file.size),
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "private, no-store",
    },
  });
}

// A link that expired or was tampered with is a 404: it says nothing about what exists.
export async function personalExportDownload(req: Request, params: Record<string, string>) {
  const { id, format, expires, sig } = parse(req, params);
  if (!verifySignedPath(personalExportPath(id, format), expires, sig)) throw new AppError("not_found", "Link expired or invalid");
  return answer(await readPersonalDataExport(id, format), `relais-my-data.${format}`);
}

export async function workspaceExportDownload(req: Request, tenant: Tenant, params: Record<string, string>) {
  const { id, format, expires, sig } = parse(req, params);
  if (!verifySignedPath(workspaceExportPath(tenant.orgSlug, id, format), expires, sig)) throw new AppError("not_found", "Link expired or invalid");
  return answer(await readWorkspaceExport(tenant, id, format), `relais-${tenant.orgSlug}.${format}`);
}
