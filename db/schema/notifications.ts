import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { id } from "./columns";
import { organizationId } from "./organizations";

// The in-app inbox. `type` + `data` are rendered in the reader's language at read time,
// never stored as prose.
export const notifications = pgTable(
  "notifications",
  {
    id: id("ntf"),
    organizationId: organizationId(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    data: jsonb("data").$type<Record<string, string | number>>().notNull().default({}),
    // Path inside the workspace the notification opens.
    href: text("href"),
    // Makes fan-out idempotent: one notification per (user, dedupe key).
    dedupeKey: text("dedupe_key"),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [
    index("notifications_user_org_created_idx").on(t.userId, t.organizationId, t.createdAt),
    uniqueIndex("notifications_user_dedupe_uq").on(t.userId, t.dedupeKey),
    // The unread badge in the header, on every page.
    index("notifications_unread_idx").on(t.userId, t.organizationId).where(sql`${t.readAt} is null`),
    // One occurrence's reach (an alert's live view counts its inbox rows).
    index("notifications_org_dedupe_idx").on(t.organizationId, t.dedupeKey),
  ],
);

export type Notification = typeof notifications.$inferSelect;
