import { and, desc, eq, gt, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { personalDataExports, type PersonalDataExport } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { getObject, putObject } from "@/lib/storage";
import { tablesToZip, type Tables } from "./archive";
import { PERSONAL_DATA } from "./personal-data";
import { identifyPerson, personRows, type Person } from "./person";
import { signPath } from "./signed-link";

export const EXPORT_TTL_MS = 7 * 24 * 3600 * 1000;
export const EXPORT_FORMATS = ["json", "zip"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

// Every registry table the person has rows in, as exported (secrets left out, clicks as counts).
export async function collectPersonalData(person: Person): Promise<Tables> {
  const tables: Tables = {};
  for (const entry of PERSONAL_DATA) {
    if (entry.export === "none") continue;
    const t = sql.identifier(entry.table);
    const where = personRows(entry, person);
    const rows =
      entry.export === "aggregate" && entry.aggregate
        ? await db.execute<Record<string, unknown>>(sql`select ${sql.raw(entry.aggregate.select)} from ${t} where ${where} group by ${sql.raw(entry.aggregate.groupBy)} order by 1`)
        : await db.execute<Record<string, unknown>>(sql`select * from ${t} where ${where}`);
    const omit = new Set(entry.omit ?? []);
    tables[entry.table] = rows.map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => !omit.has(k))));
  }
  return tables;
}

export async function requestPersonalDataExport(userId: string) {
  const [row] = await db.insert(personalDataExports).values({ userId }).returning();
  return row;
}

// The job: skips an export already produced; writes the JSON and the CSV zip to storage.
export async function producePersonalDataExport(exportId: string) {
  const [row] = await db.select().from(personalDataExports).where(eq(personalDataExports.id, exportId));
  if (!row || row.status === "ready") return;
  await db.update(personalDataExports).set({ status: "running" }).where(eq(personalDataExports.id, exportId));
  const tables = await collectPersonalData(await identifyPerson(row.userId));
  const json = JSON.stringify({ exportedAt: new Date().toISOString(), tables }, null, 2);
  const key = `exports/personal/${row.userId}/${row.id}`;
  await putObject(`${key}.json`, new TextEncoder().encode(json), "application/json");
  await putObject(`${key}.zip`, tablesToZip(tables, json), "application/zip");
  await db
    .update(personalDataExports)
    .set({ status: "ready", storageKey: key, expiresAt: new Date(Date.now() + EXPORT_TTL_MS) })
    .where(eq(personalDataExports.id, exportId));
}

export const personalExportPath = (id: string, format: ExportFormat) => `/api/account/exports/${id}/${format}`;

export function personalExportLinks(row: PersonalDataExport) {
  if (row.status !== "ready" || !row.expiresAt || row.expiresAt.getTime() < Date.now()) return null;
  return { json: signPath(personalExportPath(row.id, "json"), row.expiresAt), zip: signPath(personalExportPath(row.id, "zip"), row.expiresAt) };
}

export async function findPersonalDataExports(userId: string) {
  return db.select().from(personalDataExports).where(eq(personalDataExports.userId, userId)).orderBy(desc(personalDataExports.createdAt)).limit(5);
}

export async function readPersonalDataExport(id: string, format: ExportFormat) {
  const [row] = await db.select().from(personalDataExports).where(and(eq(personalDataExports.id, id), eq(personalDataExports.status, "ready"), gt(personalDataExports.expiresAt, new Date())));
  if (!row?.storageKey) throw new AppError("not_found", "Export not found");
  const file = await getObject(`${row.storageKey}.${format}`);
  if (!file) throw new AppError("not_found", "Export not found");
  return file;
}
