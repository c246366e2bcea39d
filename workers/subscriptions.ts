import * as analytics from "@/lib/analytics/jobs";
import type { JobRequest } from "@/lib/jobs/define-job";
import type { EventType, StoredEvent } from "@/lib/jobs/events";
import { onImportRequested } from "@/lib/imports/jobs";
import { onInvitationRequested } from "@/lib/invitations/jobs";
import { onPostPublished, onPostTimingChanged } from "@/lib/publishing/jobs";
import { onReminderRequested } from "@/lib/shares/jobs";
import { onPostDeleted, onPostDestinationChanged } from "@/lib/tracked-links/jobs";
import { onVisualRequested } from "@/lib/visuals/jobs";

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
  "share.recorded": [analytics.onShareRecorded],
  "clicks.ingested": [analytics.onClicksIngested],
  "action.completed": [analytics.onActionCompleted],
  "member.joined": [],
  "import.requested": [onImportRequested],
  "invitation.requested": [onInvitationRequested],
  "reminder.requested": [onReminderRequested],
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
