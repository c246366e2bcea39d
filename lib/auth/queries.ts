import { and, asc, eq, gt, ne, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts, memberships, organizations, sessions, users } from "@/db/schema";
import type { Locale } from "@/db/schema/enums";

export async function getUserById(userId: string) {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  return user ?? null;
}

export async function getUserLocaleByEmail(email: string): Promise<Locale | null> {
  const [row] = await db.select({ locale: users.locale }).from(users).where(eq(users.email, email.toLowerCase()));
  return row?.locale ?? null;
}

export async function findMembershipsOfUser(userId: string) {
  return db
    .select({
      orgId: organizations.id,
      slug: organizations.slug,
      name: organizations.name,
      role: memberships.role,
      status: memberships.status,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.userId, userId), ne(memberships.status, "deactivated")))
    .orderBy(asc(organizations.name));
}

export async function getMembershipBySlug(userId: string, slug: string) {
  const [row] = await db
    .select({ organization: organizations, membership: memberships })
    .from(organizations)
    .innerJoin(memberships, and(eq(memberships.organizationId, organizations.id), eq(memberships.userId, userId)))
    .where(eq(organizations.slug, slug));
  return row ?? null;
}

export async function deleteAllSessionsOfUser(userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function createSession(userId: string, sessionToken: string, expires: Date) {
  await db.insert(sessions).values({ sessionToken, userId, expires });
}

export async function setUserLocale(userId: string, locale: Locale) {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}

// A few people of each role, for the development sign-in picker.
export async function findDevLoginUsers() {
  const rows = await db.execute<{ id: string; name: string | null; email: string; role: string; org: string }>(sql`
    select id, name, email, role, org from (
      select u.id, u.name, u.email, m.role, o.name as org,
             row_number() over (partition by m.role order by m.created_at) as n
      from ${users} u
      join ${memberships} m on m.user_id = u.id
      join ${organizations} o on o.id = m.organization_id
      where m.status = 'active'
    ) ranked
    where n <= 3
    order by array_position(array['owner','admin','lead','staff','advocate']::text[], role::text), name
  `);
  return [...rows];
}

// The user behind a live session token (the tracked-link redirect tells a sharer's own
// clicks apart with it); null for an unknown or expired one.
export async function findSessionUserId(sessionToken: string) {
  const [row] = await db
    .select({ userId: sessions.userId })
    .from(sessions)
    .where(and(eq(sessions.sessionToken, sessionToken), gt(sessions.expires, new Date())));
  return row?.userId ?? null;
}

// For SSO sign-ins (lib/auth/sso-linking.ts): is this provider account linked already, and
// does an account with this email exist?
export async function hasLinkedAccount(provider: string, providerAccountId: string) {
  const [row] = await db.select({ userId: accounts.userId }).from(accounts).where(and(eq(accounts.provider, provider), eq(accounts.providerAccountId, providerAccountId)));
  return Boolean(row);
}

export async function userExistsWithEmail(email: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email.toLowerCase()));
  return Boolean(row);
}

// The single sign-on providers already linked to a person's account.
export async function linkedProviders(userId: string) {
  const rows = await db.selectDistinct({ provider: accounts.provider }).from(accounts).where(eq(accounts.userId, userId));
  return rows.map((r) => r.provider);
}
