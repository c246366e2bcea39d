import { producePersonalDataExport } from "@/lib/privacy/export-personal-data";
import { producePersonalExportJob } from "@/lib/privacy/jobs";
import { handler } from "../handler";

export default handler(producePersonalExportJob, ({ exportId }) => producePersonalDataExport(exportId));
