import { pgEnum } from "drizzle-orm/pg-core";

export const locale = pgEnum("locale", ["fr", "en"]);
export const role = pgEnum("role", ["owner", "admin", "lead", "staff", "advocate"]);
export const membershipStatus = pgEnum("membership_status", ["active", "invited", "deactivated"]);

export type Locale = (typeof locale.enumValues)[number];
export type Role = (typeof role.enumValues)[number];

// Networks a post carries a caption for and members share to ("copy" and "native" are the
// copy-link button and the phone's Web Share sheet).
export const network = pgEnum("network", ["linkedin", "x", "facebook", "bluesky", "mastodon", "threads", "whatsapp", "telegram", "email", "copy", "native"]);
export type Network = (typeof network.enumValues)[number];
