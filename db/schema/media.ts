import { index, integer, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { id } from "./columns";
import { organizationId } from "./organizations";

export const mediaKind = pgEnum("media_kind", ["image", "video"]);

export const media = pgTable(
  "media",
  {
    id: id("med"),
    organizationId: organizationId(),
    kind: mediaKind("kind").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    // Key in the storage backend (local disk or S3-compatible).
    storageKey: text("storage_key").notNull(),
    width: integer("width"),
    height: integer("height"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [index("media_org_idx").on(t.organizationId)],
);

export type Media = typeof media.$inferSelect;
