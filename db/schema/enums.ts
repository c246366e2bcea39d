import { pgEnum } from "drizzle-orm/pg-core";

export const locale = pgEnum("locale", ["fr", "en"]);
export const role = pgEnum("role", ["owner", "admin", "lead", "staff", "advocate"]);
export const membershipStatus = pgEnum("membership_status", ["active", "invited", "deactivated"]);

export type Locale = (typeof locale.enumValues)[number];
export type Role = (typeof role.enumValues)[number];
