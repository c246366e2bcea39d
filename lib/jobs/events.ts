import { z } from "zod";

const id = z.string().min(1);
const instant = z.iso.datetime({ offset: true });

// Every fact another part of Relais may react to, as one typed union. An event says what
// happened (past tense) or what was asked for (".requested"); it never says which job runs:
// workers/subscriptions.ts maps events to jobs. Payloads carry ids, never rows or secrets.
export const EVENT_SCHEMAS = {
  "post.published": z.object({ postId: id, publishedAt: instant, expiresAt: instant.nullable() }),
  // A post's status or times changed: its delayed publish/expire jobs follow.
  "post.timing.changed": z.object({
    postId: id,
    before: z.object({ status: z.string(), publishAt: instant.nullable(), expiresAt: instant.nullable() }),
    after: z.object({ status: z.string(), publishAt: instant.nullable(), expiresAt: instant.nullable() }),
  }),
  "visual.requested": z.object({ postId: id }),
  // An approved new destination for a post whose tracked links are out (lib/posts/destination.ts).
  "post.destination.changed": z.object({ postId: id }),
  // With the codes of its tracked links, which were deleted with it.
  "post.deleted": z.object({ postId: id, linkCodes: z.array(z.string()) }),
  "share.recorded": z.object({ shareId: id, postId: id, linkId: id, userId: id, network: z.string() }),
  "clicks.ingested": z.object({ clickIds: z.array(id) }),
  // A member did one call to action of an action alert (kind: share, email, call, link, event);
  // campaignId: the alert's campaign, when it has one (the analytics count it per campaign).
  "action.completed": z.object({ alertId: id, actionId: id, membershipId: id, userId: id, kind: z.string(), campaignId: id.nullable().optional() }),
  "member.joined": z.object({ membershipId: id, userId: id, via: z.enum(["organization", "invite_link", "invitation", "import"]) }),
  "import.requested": z.object({ importId: id }),
  "invitation.requested": z.object({ invitationId: id }),
  "reminder.requested": z.object({ reminderId: id, remindAt: instant }),
  "workspace.export.requested": z.object({ exportId: id }),
  "workspace.deletion.requested": z.object({ deletionId: id }),
  // An action alert was scheduled or its time moved (`previousSendAt`): its delayed fan-out follows.
  "alert.scheduled": z.object({ alertId: id, sendAt: instant, previousSendAt: instant.nullable() }),
  "alert.cancelled": z.object({ alertId: id, sendAt: instant }),
  // A member asked Relais to send their letter to a decision-maker (lib/alerts/send-letter.ts).
  "alert.letter.requested": z.object({ letterId: id }),
  // The organisation's time zone changed: its day and hour rollups are recounted on the new clock.
  "organization.time_zone.changed": z.object({ from: z.string(), to: z.string() }),
} as const;

export type EventType = keyof typeof EVENT_SCHEMAS;
export const EVENT_TYPES = Object.keys(EVENT_SCHEMAS) as EventType[];

export type EventOf<T extends EventType> = { type: T; orgId: string; payload: z.output<(typeof EVENT_SCHEMAS)[T]> };
export type AppEvent = { [T in EventType]: EventOf<T> }[EventType];
// As stored and dispatched: with the outbox row's id, which names the event for job ids.
export type StoredEvent<T extends EventType = EventType> = EventOf<T> & { id: string };

export const toInstant = (date: Date | null) => (date ? date.toISOString() : null);
