import { relations } from "drizzle-orm";
import { index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { id } from "./columns";
import { network } from "./enums";
import { memberships } from "./members";
import { organizationId } from "./organizations";
import { posts } from "./posts";

// One tracked link per (member, post, network): every tap on the same button reuses it, so
// the clicks a member earned on a network add up on one code.
export const trackedLinks = pgTable(
  "tracked_links",
  {
    id: id("lnk"),
    organizationId: organizationId(),
    // Base62, random: the public part of /l/<code>.
    code: text("code").notNull(),
    // Set null when the member leaves: links already posted on social networks keep working.
    membershipId: text("membership_id").references(() => memberships.id, { onDelete: "set null" }),
    postId: text("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    network: network("network").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [
    uniqueIndex("tracked_links_code_uq").on(t.code),
    // Concurrent taps insert … on conflict do nothing against this, then read the winner.
    uniqueIndex("tracked_links_post_member_network_uq").on(t.postId, t.membershipId, t.network),
    index("tracked_links_org_member_idx").on(t.organizationId, t.membershipId),
  ],
);

export const trackedLinksRelations = relations(trackedLinks, ({ one }) => ({
  post: one(posts, { fields: [trackedLinks.postId], references: [posts.id] }),
  membership: one(memberships, { fields: [trackedLinks.membershipId], references: [memberships.id] }),
}));

export type TrackedLink = typeof trackedLinks.$inferSelect;
