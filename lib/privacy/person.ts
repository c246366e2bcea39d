import { eq, sql, type SQL } from "drizzle-orm";
import { db, type Database, type Transaction } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { PersonalDataEntry, PersonColumn } from "./personal-data";

// Everything that identifies one person in the database. `orgId` narrows it to one
// organisation (leaving it): only that membership, only that organisation's rows.
export type Person = { userIds: string[]; membershipIds: string[]; emails: string[]; names: string[]; orgId?: string };

export async function identifyPerson(userId: string, orgId?: string, executor: Database | Transaction = db): Promise<Person> {
  const [user] = await executor.select().from(users).where(eq(users.id, userId));
  if (!user) throw new AppError("not_found", "User not found");
  const rows = await executor.select({ id: memberships.id, orgId: memberships.organizationId }).from(memberships).where(eq(memberships.userId, userId));
  const names = [user.name, [user.firstName, user.lastName].filter(Boolean).join(" ")]
    .map((n) => n?.trim() ?? "")
    // A one-word or very short name would match other people's text too.
    .filter((n) => n.length >= 5 && n.includes(" "));
  return {
    userIds: [user.id],
    membershipIds: rows.filter((r) => !orgId || r.orgId === orgId).map((r) => r.id),
    emails: [user.email.toLowerCase()],
    names: [...new Set(names)],
    orgId,
  };
}

const list = (values: string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);
const within = (column: SQL, values: string[]) => (values.length ? sql`${column} in (${list(values)})` : sql`false`);
const containsAny = (column: SQL, values: string[]) =>
  values.length ? sql`(${sql.join(values.map((v) => sql`strpos(${column}, ${v}) > 0`), sql` or `)})` : sql`false`;

export function matches(name: string, column: PersonColumn, person: Person): SQL {
  const c = sql.identifier(name);
  switch (column.kind) {
    case "user":
      return within(sql`${c}`, person.userIds);
    case "membership":
      return within(sql`${c}`, person.membershipIds);
    case "ref":
      return within(sql`${c}`, [...person.userIds, ...person.membershipIds]);
    case "email":
      return within(sql`lower(${c})`, person.emails);
    case "json":
      return containsAny(sql`${c}::text`, [...person.userIds, ...person.membershipIds, ...person.emails, ...person.names]);
    case "text":
      return containsAny(sql`lower(${c})`, person.emails);
  }
}

// Rows of `entry` that are this person's (any of its direct columns), within the organisation
// when the person is narrowed to one. JSON and text mentions are erased, never exported.
export function personRows(entry: PersonalDataEntry, person: Person, kinds: PersonColumn["kind"][] = ["user", "membership", "ref", "email"]): SQL {
  const conditions = Object.entries(entry.columns)
    .filter(([, column]) => kinds.includes(column.kind))
    .map(([name, column]) => matches(name, column, person));
  const any = conditions.length ? sql`(${sql.join(conditions, sql` or `)})` : sql`false`;
  return person.orgId && !entry.noOrgColumn ? sql`${any} and organization_id = ${person.orgId}` : any;
}

// Entries that apply to the person: all of them, or only an organisation's when narrowed.
export const entriesFor = (entries: PersonalDataEntry[], person: Person) =>
  entries.filter((e) => !person.orgId || (e.scope ?? "organization") === "organization");
