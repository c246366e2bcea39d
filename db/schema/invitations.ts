import { relations, sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { id, timestamps } from "./columns";
import { locale } from "./enums";
import { groups } from "./groups";
import { organizationId } from "./organizations";

// Invite links and email invitations only ever grant these two roles; leads and above are
// promoted from the member list.
export const inviteRole = pgEnum("invite_role", ["staff", "advocate"]);
export type InviteRole = (typeof inviteRole.enumValues)[number];

export const inviteLinks = pgTable(
  "invite_links",
  {
    id: id("inv"),
    organizationId: organizationId(),
    // The unguessable part of /join/<code>; printed in QR codes, so never reused.
    code: text("code").notNull().unique(),
    role: inviteRole("role").notNull().default("advocate"),
    label: text("label"),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    maxUses: integer("max_uses"),
    // Incremented by the join itself (UPDATE … WHERE use_count < max_uses), so concurrent
    // joins can never overshoot max_uses.
    useCount: integer("use_count").notNull().default(0),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    index("invite_links_org_created_idx").on(t.organizationId, t.createdAt),
    check("invite_links_max_uses_positive", sql`${t.maxUses} is null or ${t.maxUses} > 0`),
  ],
);

export const inviteLinkGroups = pgTable(
  "invite_link_groups",
  {
    organizationId: organizationId(),
    inviteLinkId: text("invite_link_id")
      .notNull()
      .references(() => inviteLinks.id, { onDelete: "cascade" }),
    groupId: text("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.inviteLinkId, t.groupId] })],
);

// Staff invited by email: one row per address. The token is generated when the email goes
// out and only its SHA-256 is kept.
export const invitations = pgTable(
  "invitations",
  {
    id: id("ivt"),
    organizationId: organizationId(),
    email: text("email").notNull(),
    role: inviteRole("role").notNull().default("staff"),
    groupIds: text("group_ids").array().notNull().default([]),
    tokenHash: text("token_hash").unique(),
    invitedBy: text("invited_by").references(() => users.id, { onDelete: "set null" }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedBy: text("accepted_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ...timestamps,
  },
  (t) => [
    // One pending invitation per address and organisation.
    uniqueIndex("invitations_org_email_pending_uq").on(t.organizationId, t.email).where(sql`${t.acceptedAt} is null`),
    index("invitations_org_created_idx").on(t.organizationId, t.createdAt),
  ],
);

// A join asked for by someone signed out: what they typed waits here until the magic link
// proves the address, then the join completes with it. Bound to the email it was made for.
export const joinClaims = pgTable(
  "join_claims",
  {
    id: id("jcl"),
    organizationId: organizationId(),
    inviteLinkId: text("invite_link_id").references(() => inviteLinks.id, { onDelete: "cascade" }),
    invitationId: text("invitation_id").references(() => invitations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    locale: locale("locale").notNull(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [
    index("join_claims_org_idx").on(t.organizationId),
    check("join_claims_one_source", sql`(${t.inviteLinkId} is null) <> (${t.invitationId} is null)`),
  ],
);

export const inviteLinksRelations = relations(inviteLinks, ({ many }) => ({
  groups: many(inviteLinkGroups),
}));

export const inviteLinkGroupsRelations = relations(inviteLinkGroups, ({ one }) => ({
  inviteLink: one(inviteLinks, { fields: [inviteLinkGroups.inviteLinkId], references: [inviteLinks.id] }),
  group: one(groups, { fields: [inviteLinkGroups.groupId], references: [groups.id] }),
}));

export type InviteLink = typeof inviteLinks.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
export type JoinClaim = typeof joinClaims.$inferSelect;
