import { relations, sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { id, timestamps } from "./columns";
import { membershipStatus, role } from "./enums";
import { organizationId, organizations } from "./organizations";

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

export const membershipsRelations = relations(memberships, ({ one }) => ({
  organization: one(organizations, { fields: [memberships.organizationId], references: [organizations.id] }),
  user: one(users, { fields: [memberships.userId], references: [users.id] }),
}));

export type Membership = typeof memberships.$inferSelect;
