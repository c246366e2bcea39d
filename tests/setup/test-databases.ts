import { migrateDatabase } from "@/db/migrate";
import { dropDatabases, ensureDatabaseExists, findDatabases, recreateDatabase } from "@/scripts/cli/services";

// Each test run migrates one template database; each Vitest worker clones it (fast), so
// workers never share rows and parallel runs (several developers, CI) never collide.
export function templateName(runId: string) {
  return `relais_tpl_${runId}`;
}

export async function createTemplate(serverUrl: string, runId: string) {
  await migrateDatabase(await recreateDatabase(serverUrl, templateName(runId)));
}

export function cloneTemplate(serverUrl: string, runId: string, name: string) {
  return ensureDatabaseExists(serverUrl, name, { template: templateName(runId) });
}

export async function dropRunDatabases(serverUrl: string, runId: string) {
  await dropDatabases(serverUrl, await findDatabases(serverUrl, `relais_%${runId}%`));
}
