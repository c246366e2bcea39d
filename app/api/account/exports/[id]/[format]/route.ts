// GET /api/account/exports/:id/:format?expires&sig – a member's data export, through its signed link
import { publicRoute } from "@/lib/api";
import { personalExportDownload } from "@/lib/privacy/download";

export const GET = publicRoute<{ id: string; format: string }, Request>((req, params) => personalExportDownload(req, params));
