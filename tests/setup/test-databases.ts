import postgres from "postgres";
import { migrateDatabase } from "@/db/migrate";
import { withDatabase } from "@/lib/cli/services";

// Each test run migrates one template database; each Vitest worker clones it (fast), so
// workers never share rows and parallel runs (several developers, CI) never collide.
export function templateName(runId: string) {
  return `relais_tpl_${runId}`;
}

export async function createTemplate(adminUrl: string, runId: string) {
  const name = templateName(runId);
  const sql = postgres(withDatabase(adminUrl, "postgres"), { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`drop database if exists "${name}"`);
    await sql.unsafe(`create database "${name}"`);
  } finally {
    await sql.end();
  }
  await migrateDatabase(withDatabase(adminUrl, name));
}

export async function cloneTemplate(adminUrl: string, runId: string, name: string) {
  const sql = postgres(withDatabase(adminUrl, "postgres"), { max: 1, onnotice: () => {} });
  try {
    const exists = await sql`select 1 from pg_database where datname = ${name}`;
    if (exists.length === 0) {
      // Two files of one worker may race here; whoever loses finds the database made.
      await sql.unsafe(`create database "${name}" template "${templateName(runId)}"`).catch((error) => {
        if (!/already exists|duplicate key/.test(String(error?.message))) throw error;
      });
    }
  } finally {
    await sql.end();
  }
  return withDatabase(adminUrl, name);
}

export async function dropRunDatabases(adminUrl: string, runId: string) {
  const sql = postgres(withDatabase(adminUrl, "postgres"), { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ datname: string }[]>`select datname from pg_database where datname like ${`relais_%${runId}%`}`;
    for (const { datname } of rows) await sql.unsafe(`drop database if exists "${datname}" with (force)`);
  } finally {
    await sql.end();
  }
}
