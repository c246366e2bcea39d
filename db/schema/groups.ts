import { relations, sql } from "drizzle-orm";
import { index, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns";
import { memberships } from "./members";
import { organizationId } from "./organizations";

export const groups = pgTable(
  "groups",
  {
    id: id("grp"),
    organizationId: organizationId(),
    name: text("name").notNull(),
    ...timestamps,
  },
  // "Conseil" and "conseil" are one group (migration hardening_dedupe_group_names merged
  // the ones that existed).
  (t) => [uniqueIndex("groups_org_lower_name_uq").on(t.organizationId, sql`lower(${t.name})`)],
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

export const groupMembersRelations = relations(groupMembers, ({ one }) => ({
  group: one(groups, { fields: [groupMembers.groupId], references: [groups.id] }),
  membership: one(memberships, { fields: [groupMembers.membershipId], references: [memberships.id] }),
}));

export type Group = typeof groups.$inferSelect;
