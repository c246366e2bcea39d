import { customType, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns";
import { locale } from "./enums";

export const organizations = pgTable("organizations", {
  id: id("org"),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  defaultLocale: locale("default_locale").notNull().default("fr"),
  logoUrl: text("logo_url"),
  brandColor: text("brand_color").notNull().default("#1d4ed8"),
  timeZone: text("time_zone").notNull().default("America/Toronto"),
  // Link previews never fetch private or loopback addresses unless an admin allows it
  // (an intranet blog, say).
  ...timestamps,
});

// Every tenant table's owner column: deleting an organisation deletes all of its rows.
export const organizationId = () =>
  text("organization_id")
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" });

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

// One logo per organisation, kept in PostgreSQL (≤ 1 MB) so a self-hosted install needs no
// object storage for it; served to members only by app/api/orgs/[org]/logo.
export const organizationLogos = pgTable("organization_logos", {
  organizationId: text("organization_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  content: bytea("content").notNull(),
  contentType: text("content_type").notNull(),
  byteSize: integer("byte_size").notNull(),
  ...timestamps,
});

export const auditLog = pgTable(
  "audit_log",
  {
    id: id("aud"),
    organizationId: organizationId(),
    actorUserId: text("actor_user_id"),
    action: text("action").notNull(),
    targetId: text("target_id"),
    // What changed (`{ from: "admin", to: "lead" }`), never personal data beyond ids.
    details: jsonb("details").$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [index("audit_log_org_created_idx").on(t.organizationId, t.createdAt)],
);

export type Organization = typeof organizations.$inferSelect;
