import { relations } from "drizzle-orm";
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

export const groupMembersRelations = relations(groupMembers, ({ one }) => ({
  group: one(groups, { fields: [groupMembers.groupId], references: [groups.id] }),
  membership: one(memberships, { fields: [groupMembers.membershipId], references: [memberships.id] }),
}));

export type Group = typeof groups.$inferSelect;
