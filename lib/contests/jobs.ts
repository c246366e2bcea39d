import { z } from "zod";
import { defineJob, type JobRequest } from "@/lib/jobs/define-job";
import type { StoredEvent } from "@/lib/jobs/events";

const id = z.string().min(1);

// Scoring jobs: each turns one event into ledger rows and board points. Replays score once
// (the ledger's idempotency keys), so a retried or doubly dispatched job adds nothing.
export const scoreShareJob = defineJob({ name: "contest-score-share", queue: "contests", schema: z.object({ orgId: id, shareId: id }) });
export const scoreClicksJob = defineJob({ name: "contest-score-clicks", queue: "contests", schema: z.object({ orgId: id, clickIds: z.array(id) }) });
export const scoreActionJob = defineJob({
  name: "contest-score-action",
  queue: "contests",
  schema: z.object({ orgId: id, alertId: id, actionId: id, membershipId: id, kind: z.string() }),
});

// Every minute: close contests whose window ended, and compare live boards with the ledger,
// rebuilding those that drifted.
export const contestsTickJob = defineJob({ name: "contests-tick", queue: "contests", schema: z.object({}) });
export const CONTESTS_TICK_EVERY_MS = 60_000;

// The boards of one contest rebuilt from the ledger (the CLI and the lead's button).
export const rebuildBoardsJob = defineJob({ name: "contest-rebuild-boards", queue: "contests", schema: z.object({ contestId: id }) });

export const onShareRecorded = ({ orgId, payload }: StoredEvent<"share.recorded">): JobRequest[] => [scoreShareJob.request({ orgId, shareId: payload.shareId })];

export const onClicksIngested = ({ orgId, payload }: StoredEvent<"clicks.ingested">): JobRequest[] =>
  payload.clickIds.length ? [scoreClicksJob.request({ orgId, clickIds: payload.clickIds })] : [];

export const onActionCompleted = ({ orgId, payload }: StoredEvent<"action.completed">): JobRequest[] => [
  scoreActionJob.request({ orgId, alertId: payload.alertId, actionId: payload.actionId, membershipId: payload.membershipId, kind: payload.kind }),
];
