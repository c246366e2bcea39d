import { index, integer, pgEnum, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { id, timestamps } from "./columns";
import { organizationId } from "./organizations";

export const importStatus = pgEnum("import_status", ["pending", "processing", "completed", "failed"]);
export type ImportStatus = (typeof importStatus.enumValues)[number];

export const importRowErrorCode = pgEnum("import_row_error_code", [
  "missing_email",
  "invalid_email",
  "duplicate_in_file",
  "unknown_language",
  "too_many_columns",
  "name_too_long",
]);
export type ImportRowErrorCode = (typeof importRowErrorCode.enumValues)[number];

export const imports = pgTable(
  "imports",
  {
    id: id("imp"),
    organizationId: organizationId(),
    fileName: text("file_name").notNull(),
    // The decoded file (UTF-8, BOM stripped) lives here rather than on a disk, so whichever
    // worker process picks the job up can read it.
    content: text("content").notNull(),
    status: importStatus("status").notNull().default("pending"),
    // Data rows in the file (blank lines included), counted at upload.
    totalRows: integer("total_rows").notNull().default(0),
    // Rows handled so far: the job resumes from here, each batch moves it in its transaction.
    processedRows: integer("processed_rows").notNull().default(0),
    createdCount: integer("created_count").notNull().default(0),
    updatedCount: integer("updated_count").notNull().default(0),
    errorCount: integer("error_count").notNull().default(0),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index("imports_org_created_idx").on(t.organizationId, t.createdAt)],
);

export const importRowErrors = pgTable(
  "import_row_errors",
  {
    organizationId: organizationId(),
    importId: text("import_id")
      .notNull()
      .references(() => imports.id, { onDelete: "cascade" }),
    // Line in the file as a spreadsheet numbers it (the header is line 1).
    line: integer("line").notNull(),
    code: importRowErrorCode("code").notNull(),
    // What was in the offending cell (the email, the language), to help fix the file.
    value: text("value"),
  },
  (t) => [primaryKey({ columns: [t.importId, t.line] })],
);

export type Import = typeof imports.$inferSelect;
export type ImportRowError = typeof importRowErrors.$inferSelect;
