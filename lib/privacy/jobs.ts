import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import type { StoredEvent } from "@/lib/jobs/events";

const id = z.string().min(1);

export const producePersonalExportJob = defineJob({ name: "produce-personal-export", queue: "default", schema: z.object({ exportId: id }) });
export const eraseAccountJob = defineJob({ name: "erase-account", queue: "default", schema: z.object({ userId: id }) });
// Daily: every organisation's retention settings, due erasures, expired export files.
export const applyRetentionJob = defineJob({ name: "apply-retention", queue: "default", schema: z.object({}) });
export const produceWorkspaceExportJob = defineJob({ name: "produce-workspace-export", queue: "default", schema: z.object({ orgId: id, exportId: id }) });
export const deleteWorkspaceJob = defineJob({ name: "delete-workspace", queue: "default", schema: z.object({ deletionId: id }) });

export const RETENTION_EVERY_MS = 24 * 3600 * 1000;

export const onWorkspaceExportRequested = ({ orgId, payload }: StoredEvent<"workspace.export.requested">) => [
  produceWorkspaceExportJob.request({ orgId, exportId: payload.exportId }, { jobId: `workspace-export-${payload.exportId}` }),
];

export const onWorkspaceDeletionRequested = ({ payload }: StoredEvent<"workspace.deletion.requested">) => [
  deleteWorkspaceJob.request({ deletionId: payload.deletionId }, { jobId: `delete-workspace-${payload.deletionId}` }),
];
