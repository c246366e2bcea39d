import { index, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { id, timestamps } from "./columns";
import { organizationId } from "./organizations";
import { posts } from "./posts";

export const suggestionStatus = pgEnum("suggestion_status", ["pending", "accepted", "declined"]);

// Content suggested by staff or advocates, turned into a draft or declined by a lead.
export const suggestions = pgTable(
  "suggestions",
  {
    id: id("sug"),
    organizationId: organizationId(),
    suggestedBy: text("suggested_by").references(() => users.id, { onDelete: "set null" }),
    url: text("url"),
    note: text("note").notNull().default(""),
    status: suggestionStatus("status").notNull().default("pending"),
    postId: text("post_id").references(() => posts.id, { onDelete: "set null" }),
    decidedBy: text("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index("suggestions_org_status_idx").on(t.organizationId, t.status)],
);
