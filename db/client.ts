import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

function createClient() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const sql = postgres(url, {
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    onnotice: () => {},
  });
  return drizzle(sql, { schema, casing: "snake_case" });
}

export type Database = ReturnType<typeof createClient>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

// One pool per process, kept on globalThis so Next's dev reloads do not open a new one each time.
const globalForDb = globalThis as unknown as { relaisDb?: Database; relaisArrayTypes?: Promise<unknown> };

export function getDb(): Database {
  globalForDb.relaisDb ??= createClient();
  return globalForDb.relaisDb;
}

// Connects on first use, not at import: `next build` imports modules without a database.
export const db: Database = new Proxy({} as Database, {
  get(_target, prop) {
    const real = getDb();
    return Reflect.get(real, prop, real);
  },
});

// postgres.js learns the array types (bool[], text[]…) on the pool's first round trip;
// arrays built before it are sent as plain values ("cannot cast type boolean to boolean[]",
// "malformed array literal"). A statement that sends arrays (the set-based batch writers)
// waits for this first, once per pool.
export function arrayTypesLoaded() {
  globalForDb.relaisArrayTypes ??= getDb().$client`select 1`.catch((error) => {
    globalForDb.relaisArrayTypes = undefined;
    throw error;
  });
  return globalForDb.relaisArrayTypes;
}

export async function closeDb() {
  const current = globalForDb.relaisDb;
  globalForDb.relaisDb = undefined;
  globalForDb.relaisArrayTypes = undefined;
  await current?.$client.end({ timeout: 5 });
}
