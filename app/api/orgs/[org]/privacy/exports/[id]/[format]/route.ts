// GET /api/orgs/:org/privacy/exports/:id/:format?expires&sig – a workspace export, signed and for its admins
import { withOrg } from "@/lib/api";
import { workspaceExportDownload } from "@/lib/privacy/download";

export const GET = withOrg(({ req, tenant, params }) => workspaceExportDownload(req, tenant, params), { permission: "org.settings" });
