import * as contests from "@/lib/contests/jobs";
import * as analytics from "@/lib/analytics/jobs";
import type { JobRequest } from "@/lib/jobs/define-job";
import type { EventType, StoredEvent } from "@/lib/jobs/events";
import { onImportRequested } from "@/lib/imports/jobs";
import { onInvitationRequested } from "@/lib/invitations/jobs";
import { onPostPublished, onPostTimingChanged } from "@/lib/publishing/jobs";
import { onReminderRequested } from "@/lib/shares/jobs";
import { onWorkspaceDeletionRequested, onWorkspaceExportRequested } from "@/lib/privacy/jobs";
import { onPostDeleted, onPostDestinationChanged } from "@/lib/tracked-links/jobs";
import { onVisualRequested } from "@/lib/visuals/jobs";
import * as alerts from "@/lib/alerts/jobs";

type Subscriber<T extends EventType> = (event: StoredEvent<T>) => JobRequest[];

// What runs when: for each event, the jobs the outbox dispatcher adds. Every event type is
// listed, with no subscriber yet where nothing reacts to it, so adding an event is a
// decision here.
export const SUBSCRIPTIONS: { [T in EventType]: Subscriber<T>[] } = {
  "post.published": [onPostPublished],
  "post.timing.changed": [onPostTimingChanged],
  "visual.requested": [onVisualRequested],
  "post.destination.changed": [onPostDestinationChanged],
  "post.deleted": [onPostDeleted],
  "share.recorded": [contests.onShareRecorded, alerts.onShareRecorded, analytics.onShareRecorded],
  "clicks.ingested": [contests.onClicksIngested, analytics.onClicksIngested],
  "action.completed": [contests.onActionCompleted, analytics.onActionCompleted],
  "member.joined": [],
  "import.requested": [onImportRequested],
  "invitation.requested": [onInvitationRequested],
  "reminder.requested": [onReminderRequested],
  "workspace.export.requested": [onWorkspaceExportRequested],
  "workspace.deletion.requested": [onWorkspaceDeletionRequested],
  "alert.scheduled": [alerts.onAlertScheduled],
  "alert.cancelled": [alerts.onAlertCancelled],
  "alert.letter.requested": [alerts.onLetterRequested],
  "organization.time_zone.changed": [analytics.onTimeZoneChanged],
};

export function jobRequestsFor(event: StoredEvent): JobRequest[] {
  const subscribers = (SUBSCRIPTIONS[event.type] ?? []) as Subscriber<EventType>[];
  return subscribers.flatMap((subscriber) =>
    subscriber(event).map((request) =>
      // Without an id of its own, a job is named by its event: dispatching twice adds it once.
      request.kind === "add" && !request.options.jobId ? { ...request, options: { ...request.options, jobId: `${request.name}-e${event.id}` } } : request,
    ),
  );
}
