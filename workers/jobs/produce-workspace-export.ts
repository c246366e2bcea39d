import { produceWorkspaceExportJob } from "@/lib/privacy/jobs";
import { produceWorkspaceExport } from "@/lib/privacy/workspace";
import { handler } from "../handler";

export default handler(produceWorkspaceExportJob, ({ orgId, exportId }) => produceWorkspaceExport(orgId, exportId));
