import { strToU8, zipSync } from "fflate";
import { toCsv } from "@/lib/csv/write";

export type Tables = Record<string, Record<string, unknown>[]>;

const cell = (value: unknown) => (value instanceof Date ? value.toISOString() : value !== null && typeof value === "object" ? JSON.stringify(value) : value);

// One CSV per table (a header even when empty, so the reader sees what could be there),
// plus the same data as JSON, in one zip.
export function tablesToZip(tables: Tables, json: string): Uint8Array {
  const files: Record<string, Uint8Array> = { "data.json": strToU8(json) };
  for (const [table, rows] of Object.entries(tables)) {
    const fields = rows.length ? Object.keys(rows[0]) : [];
    files[`${table}.csv`] = strToU8(toCsv(fields, rows.map((r) => fields.map((f) => cell(r[f])))));
  }
  return zipSync(files, { level: 6 });
}
