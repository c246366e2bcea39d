import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import type { StoredEvent } from "@/lib/jobs/events";

export const importAdvocatesJob = defineJob({
  name: "import-advocates",
  queue: "imports",
  schema: z.object({ orgId: z.string().min(1), importId: z.string().min(1) }),
});

export const onImportRequested = ({ orgId, payload }: StoredEvent<"import.requested">) => [
  importAdvocatesJob.request({ orgId, importId: payload.importId }, { jobId: `import-${payload.importId}` }),
];
