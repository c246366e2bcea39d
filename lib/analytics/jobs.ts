import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import type { StoredEvent } from "@/lib/jobs/events";

const id = z.string().min(1);

// Adds one event's facts to the rollups (lib/analytics/rollup.ts), once whatever the retries.
export const rollUpEventJob = defineJob({
  name: "roll-up-analytics",
  queue: "analytics",
  schema: z.object({
    eventId: id,
    orgId: id,
    fact: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("clicks"), clickIds: z.array(id) }),
      z.object({ kind: z.literal("share"), shareId: id }),
      z.object({ kind: z.literal("action"), membershipId: id, campaignId: id.nullable().optional() }),
    ]),
  }),
});

// Recounts an organisation's rollups on its (new) time zone's clock, with progress.
export const rebuildAnalyticsJob = defineJob({
  name: "rebuild-analytics",
  queue: "analytics",
  schema: z.object({ eventId: id, orgId: id }),
});

// Daily: the click partitions of the coming months exist before their first click, and the
// rollups' ledger forgets events long applied.
export const maintainAnalyticsJob = defineJob({
  name: "maintain-analytics",
  queue: "analytics",
  schema: z.object({}),
});
export const MAINTAIN_ANALYTICS_EVERY_MS = 6 * 3600_000;

export const onClicksIngested = ({ id: eventId, orgId, payload }: StoredEvent<"clicks.ingested">) => [
  rollUpEventJob.request({ eventId, orgId, fact: { kind: "clicks", clickIds: payload.clickIds } }),
];

export const onShareRecorded = ({ id: eventId, orgId, payload }: StoredEvent<"share.recorded">) => [
  rollUpEventJob.request({ eventId, orgId, fact: { kind: "share", shareId: payload.shareId } }),
];

export const onActionCompleted = ({ id: eventId, orgId, payload }: StoredEvent<"action.completed">) => [
  rollUpEventJob.request({ eventId, orgId, fact: { kind: "action", membershipId: payload.membershipId, campaignId: payload.campaignId ?? null } }),
];

export const onTimeZoneChanged = ({ id: eventId, orgId }: StoredEvent<"organization.time_zone.changed">) => [rebuildAnalyticsJob.request({ eventId, orgId })];
