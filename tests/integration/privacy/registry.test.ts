import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { PERSON_COLUMN_PATTERN, PERSONAL_DATA } from "@/lib/privacy/personal-data";

// Every column of every table of the migrated database (partitions left out: their parent
// stands for them), and the tables whose foreign keys point at users or memberships.
async function columns() {
  return db.execute<{ table: string; column: string }>(sql`
    select c.table_name as table, c.column_name as column
    from information_schema.columns c
    join pg_class k on k.relname = c.table_name and k.relnamespace = 'public'::regnamespace
    where c.table_schema = 'public' and k.relkind in ('r', 'p') and not k.relispartition`);
}

async function referencingPeople() {
  return db.execute<{ table: string; column: string }>(sql`
    select k.relname as table, a.attname as column
    from pg_constraint f
    join pg_class k on k.oid = f.conrelid
    join pg_attribute a on a.attrelid = f.conrelid and a.attnum = any(f.conkey)
    where f.contype = 'f' and f.confrelid in ('public.users'::regclass, 'public.memberships'::regclass) and not k.relispartition`);
}

describe("personal data registry", () => {
  it("covers every table with a user, membership or email column", async () => {
    const registered = new Map(PERSONAL_DATA.map((e) => [e.table, new Set(Object.keys(e.columns))]));
    const found = [...(await columns()).filter((c) => PERSON_COLUMN_PATTERN.test(c.column)), ...(await referencingPeople())];
    const missing = [...new Set(found.filter((c) => !registered.get(c.table)?.has(c.column)).map((c) => `${c.table}.${c.column}`))].sort();
    expect(missing).toEqual([]);
  });

  it("names only tables and columns that exist", async () => {
    const existing = new Set((await columns()).map((c) => `${c.table}.${c.column}`));
    const declared = PERSONAL_DATA.flatMap((e) => Object.keys(e.columns).map((c) => `${e.table}.${c}`));
    expect(declared.filter((c) => !existing.has(c))).toEqual([]);
  });

  it("lists each table once", () => {
    const tables = PERSONAL_DATA.map((e) => e.table);
    expect(tables.length).toBe(new Set(tables).size);
  });
});
