import { relations, sql } from "drizzle-orm";
import { boolean, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { id, timestamps } from "./columns";
import { locale, membershipStatus, role } from "./enums";

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
  allowPrivateLinkPreviews: boolean("allow_private_link_previews").notNull().default(false),
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

export const memberships = pgTable(
  "memberships",
  {
    id: id("mem"),
    organizationId: organizationId(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: role("role").notNull(),
    status: membershipStatus("status").notNull().default("active"),
    // Lower-cased "name email" copy of the user's identity: lets the member list search
    // one org's members with a trigram index instead of joining users for every row.
    searchText: text("search_text").notNull().default(""),
    inviteLinkId: text("invite_link_id"),
    joinedAt: timestamp("joined_at", { withTimezone: true }).defaultNow().notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("memberships_org_user_uq").on(t.organizationId, t.userId),
    index("memberships_org_joined_idx").on(t.organizationId, t.joinedAt, t.id),
    // The member list filtered by a rare role or status (leads, deactivated) would otherwise
    // read the whole organisation to find 50 rows.
    index("memberships_org_role_joined_idx").on(t.organizationId, t.role, t.joinedAt, t.id),
    index("memberships_org_status_joined_idx").on(t.organizationId, t.status, t.joinedAt, t.id),
    index("memberships_user_idx").on(t.userId),
    index("memberships_search_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
  ],
);

export const groups = pgTable(
  "groups",
  {
    id: id("grp"),
    organizationId: organizationId(),
    name: text("name").notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex("groups_org_name_uq").on(t.organizationId, t.name)],
);

export const groupMembers = pgTable(
  "group_members",
  {
    organizationId: organizationId(),
    groupId: text("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    membershipId: text("membership_id")
      .notNull()
      .references(() => memberships.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.membershipId] }),
    index("group_members_membership_idx").on(t.membershipId),
  ],
);

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

export const organizationsRelations = relations(organizations, ({ many }) => ({
  memberships: many(memberships),
  groups: many(groups),
}));

export const membershipsRelations = relations(memberships, ({ one, many }) => ({
  organization: one(organizations, { fields: [memberships.organizationId], references: [organizations.id] }),
  user: one(users, { fields: [memberships.userId], references: [users.id] }),
  groups: many(groupMembers),
}));

export const groupMembersRelations = relations(groupMembers, ({ one }) => ({
  group: one(groups, { fields: [groupMembers.groupId], references: [groups.id] }),
  membership: one(memberships, { fields: [groupMembers.membershipId], references: [memberships.id] }),
}));

export type Organization = typeof organizations.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Group = typeof groups.$inferSelect;
