import { and, inArray, isNotNull, lt, sql } from "drizzle-orm";
import { db, type Database, type Transaction } from "@/db/client";
import { outboxEvents } from "@/db/schema";
import { EVENT_SCHEMAS, type AppEvent, type EventType, type StoredEvent } from "./events";

// Writes the event in the caller's transaction: it exists if and only if the fact it reports
// was committed. Pass the transaction, never `db`, unless the event is the only write.
export async function emit(exec: Transaction | Database, ...events: AppEvent[]) {
  if (!events.length) return;
  await exec.insert(outboxEvents).values(
    events.map((event) => ({
      organizationId: event.orgId,
      type: event.type,
      // Parsed on the way in: a malformed event fails the transaction that emits it.
      payload: EVENT_SCHEMAS[event.type].parse(event.payload) as Record<string, unknown>,
    })),
  );
}

// Takes up to `limit` due events and leases them for `leaseMs`: another dispatcher skips
// them meanwhile, and if this one dies they come back when the lease ends.
export async function leasePendingEvents(limit: number, leaseMs: number): Promise<StoredEvent[]> {
  const rows = await db.execute<{ id: string; organization_id: string | null; type: string; payload: Record<string, unknown> }>(sql`
    update outbox_events set available_at = now() + ${`${leaseMs} milliseconds`}::interval
    where id in (
      select id from outbox_events
      where dispatched_at is null and available_at <= now()
      order by available_at, id
      limit ${limit}
      for update skip locked)
    returning id, organization_id, type, payload`);
  return rows.map((r) => ({ id: String(r.id), orgId: r.organization_id ?? "", type: r.type as EventType, payload: r.payload }) as StoredEvent);
}

export async function markEventsDispatched(ids: string[]) {
  if (!ids.length) return;
  await db.update(outboxEvents).set({ dispatchedAt: new Date(), lastError: null }).where(inArray(outboxEvents.id, ids.map(Number)));
}

// Exponential backoff from 1 s, capped at 5 minutes: an outage of any length is waited out.
export async function markEventFailed(id: string, error: string) {
  await db.execute(sql`
    update outbox_events
    set attempts = attempts + 1, last_error = ${error.slice(0, 1000)},
        available_at = now() + least(power(2, attempts), 300) * interval '1 second'
    where id = ${Number(id)}`);
}

export async function purgeDispatchedEvents(olderThan: Date) {
  const rows = await db.delete(outboxEvents).where(and(isNotNull(outboxEvents.dispatchedAt), lt(outboxEvents.dispatchedAt, olderThan))).returning({ id: outboxEvents.id });
  return rows.length;
}
