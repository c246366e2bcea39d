import { index, integer, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { id, timestamps } from "./columns";
import { organizationId } from "./organizations";

// What an organisation keeps and for how long (lib/privacy/retention.ts applies it daily).
// A missing row means the defaults of lib/privacy/schemas.ts.
export const privacySettings = pgTable("privacy_settings", {
  organizationId: organizationId().primaryKey(),
  // Days after an import finishes before its uploaded file (names, emails) is deleted; the
  // row report stays.
  importFileDays: integer("import_file_days").notNull().default(0),
  // Days after expiry before join claims and unanswered invitations are purged.
  expiredInviteDays: integer("expired_invite_days").notNull().default(30),
  // Months before a click's details (visitor hash, referrer, device, browser, country) are
  // dropped; the click itself stays, so counts never change.
  clickDetailMonths: integer("click_detail_months").notNull().default(13),
  auditLogYears: integer("audit_log_years").notNull().default(3),
  // The organisation's own privacy notice, linked from the join page and the register.
  privacyNoticeUrl: text("privacy_notice_url"),
  ...timestamps,
});

export const exportStatus = pgEnum("export_status", ["pending", "running", "ready", "failed"]);

// A member's own data, produced by a job, downloadable through a signed link until expiresAt.
export const personalDataExports = pgTable(
  "personal_data_exports",
  {
    id: id("pdx"),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: exportStatus("status").notNull().default("pending"),
    storageKey: text("storage_key"),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index("personal_data_exports_user_idx").on(t.userId, t.createdAt)],
);

// A workspace export (members, campaigns, posts, shares, clicks aggregated) asked for by an owner.
export const workspaceExports = pgTable(
  "workspace_exports",
  {
    id: id("wsx"),
    organizationId: organizationId(),
    requestedBy: text("requested_by").references(() => users.id, { onDelete: "set null" }),
    status: exportStatus("status").notNull().default("pending"),
    storageKey: text("storage_key"),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index("workspace_exports_org_idx").on(t.organizationId, t.createdAt)],
);

// An account waiting for its grace period to end; deleting the row cancels the erasure.
export const accountDeletions = pgTable("account_deletions", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  requestedAt: timestamp("requested_at", { withTimezone: true }).defaultNow().notNull(),
  eraseAfter: timestamp("erase_after", { withTimezone: true }).notNull(),
});

// A workspace being deleted: no foreign key, the row outlives the organisation so its
// progress can still be read (by id) while and after the job runs.
export const workspaceDeletions = pgTable("workspace_deletions", {
  id: id("wsd"),
  organizationId: text("organization_id").notNull(),
  requestedBy: text("requested_by"),
  status: exportStatus("status").notNull().default("pending"),
  // Tables emptied so far out of `total`.
  progress: integer("progress").notNull().default(0),
  total: integer("total").notNull().default(0),
  ...timestamps,
});

// What someone agreed to when joining: the version of the text shown, and the organisation's
// notice it linked to at that moment.
export const consents = pgTable(
  "consents",
  {
    id: id("cns"),
    organizationId: organizationId(),
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    // Set for a join still waiting for its magic link (no user yet).
    email: text("email"),
    purpose: text("purpose").notNull().default("join"),
    textVersion: text("text_version").notNull(),
    privacyNoticeUrl: text("privacy_notice_url"),
    givenAt: timestamp("given_at", { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [index("consents_org_user_idx").on(t.organizationId, t.userId), index("consents_email_idx").on(t.email)],
);

export type PrivacySettings = typeof privacySettings.$inferSelect;
export type PersonalDataExport = typeof personalDataExports.$inferSelect;
export type WorkspaceExport = typeof workspaceExports.$inferSelect;
export type WorkspaceDeletion = typeof workspaceDeletions.$inferSelect;
