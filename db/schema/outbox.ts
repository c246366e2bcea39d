import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

// The transactional outbox (lib/jobs/outbox.ts): an event row written in the same
// transaction as the fact it reports, turned into jobs by the dispatcher in the worker
// process. No foreign key to organizations: a workspace being deleted still gets its events
// dispatched, and the handlers find nothing left to do.
export const outboxEvents = pgTable(
  "outbox_events",
  {
    // Database-made, so a single SQL statement (the click ingester's) can emit too.
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    organizationId: text("organization_id"),
    type: text("type").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).defaultNow().notNull(),
    // Not before: a retry's backoff, or a dispatcher's lease while it adds the jobs.
    availableAt: timestamp("available_at", { withTimezone: true }).defaultNow().notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    dispatchedAt: timestamp("dispatched_at", { withTimezone: true }),
  },
  (t) => [
    index("outbox_events_pending_idx").on(t.availableAt, t.id).where(sql`${t.dispatchedAt} is null`),
    index("outbox_events_dispatched_idx").on(t.dispatchedAt).where(sql`${t.dispatchedAt} is not null`),
  ],
);

export type OutboxEvent = typeof outboxEvents.$inferSelect;
