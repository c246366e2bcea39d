import { relations } from "drizzle-orm";
import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { id } from "./columns";
import { network } from "./enums";
import { memberships } from "./members";
import { organizationId } from "./organizations";
import { posts } from "./posts";
import { trackedLinks } from "./tracked-links";

// Every tap on a share button (a member may share the same post twice on one network).
export const shares = pgTable(
  "shares",
  {
    id: id("shr"),
    organizationId: organizationId(),
    membershipId: text("membership_id").references(() => memberships.id, { onDelete: "set null" }),
    postId: text("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    network: network("network").notNull(),
    linkId: text("link_id")
      .notNull()
      .references(() => trackedLinks.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [
    index("shares_org_member_created_idx").on(t.organizationId, t.membershipId, t.createdAt),
    index("shares_org_created_idx").on(t.organizationId, t.createdAt),
    index("shares_post_idx").on(t.postId),
    index("shares_link_idx").on(t.linkId),
  ],
);

// "Remind me to share" at a chosen time: a delayed job turns it into an in-app notification.
export const shareReminders = pgTable(
  "share_reminders",
  {
    id: id("srm"),
    organizationId: organizationId(),
    membershipId: text("membership_id")
      .notNull()
      .references(() => memberships.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    postId: text("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    remindAt: timestamp("remind_at", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [index("share_reminders_org_member_idx").on(t.organizationId, t.membershipId, t.remindAt)],
);

export const sharesRelations = relations(shares, ({ one }) => ({
  link: one(trackedLinks, { fields: [shares.linkId], references: [trackedLinks.id] }),
  post: one(posts, { fields: [shares.postId], references: [posts.id] }),
}));

export type Share = typeof shares.$inferSelect;
export type ShareReminder = typeof shareReminders.$inferSelect;
