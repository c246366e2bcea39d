import { randomBytes } from "node:crypto";
import { and, inArray, isNotNull, sql } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { personalDataExports } from "@/db/schema";
import { deleteObject } from "@/lib/storage";
import { PERSONAL_DATA, type PersonalDataEntry } from "./personal-data";
import { entriesFor, matches, type Person } from "./person";

// Rows pointing at the person are emptied or deleted first; the membership and user rows
// that everything else hangs from go last.
const LAST = ["memberships", "users"];
const ordered = (entries: PersonalDataEntry[]) =>
  [...entries].sort((a, b) => LAST.indexOf(a.table) - LAST.indexOf(b.table));

export async function erasePersonRows(tx: Transaction, person: Person) {
  const pseudonym = `erased_${randomBytes(9).toString("base64url")}`;
  for (const entry of ordered(entriesFor(PERSONAL_DATA, person))) {
    const t = sql.identifier(entry.table);
    for (const [name, column] of Object.entries(entry.columns)) {
      const where = person.orgId && !entry.noOrgColumn ? sql`${matches(name, column, person)} and organization_id = ${person.orgId}` : matches(name, column, person);
      const c = sql.identifier(name);
      if (column.erase === "delete") await tx.execute(sql`delete from ${t} where ${where}`);
      else if (column.erase === "null") await tx.execute(sql`update ${t} set ${c} = null where ${where}`);
      else if (column.erase === "pseudonym") await tx.execute(sql`update ${t} set ${c} = ${pseudonym} where ${where}`);
      else await tx.execute(sql`update ${t} set ${c} = '' where ${where}`);
    }
  }
}

// Erases a person everywhere: exports' files, then every row of the registry in one
// transaction. Shares, tracked links and clicks stay with their counts, pointing to no one.
export async function erasePerson(person: Person) {
  const files = await db
    .select({ key: personalDataExports.storageKey })
    .from(personalDataExports)
    .where(and(inArray(personalDataExports.userId, person.userIds), isNotNull(personalDataExports.storageKey)));
  for (const file of files) await deleteObject(file.key!);
  await db.transaction((tx) => erasePersonRows(tx, person));
}
