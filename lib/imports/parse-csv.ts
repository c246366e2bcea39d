import Papa from "papaparse";
import { z } from "zod";
import type { Locale } from "@/db/schema/enums";
import type { ImportRowErrorCode } from "@/db/schema/imports";

export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 100_000;
const MAX_NAME = 80;

// Excel on a French Windows saves "CSV" as Windows-1252 unless told otherwise; anything that
// is not valid UTF-8 is read as that. The BOM Excel adds to UTF-8 files is dropped.
export function decodeCsv(bytes: Uint8Array) {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

type Column = "email" | "firstName" | "lastName" | "language" | "groups";

// Header names as people write them, in French or English, once accents, case, spaces and
// punctuation are set aside.
const HEADER_ALIASES: Record<string, Column> = Object.fromEntries(
  (
    [
      ["email", ["email", "courriel", "adressecourriel", "adresseemail", "mail", "emailaddress", "adressemail", "adresseelectronique"]],
      ["firstName", ["firstname", "prenom", "givenname"]],
      ["lastName", ["lastname", "nom", "nomdefamille", "familyname", "surname"]],
      ["language", ["language", "langue", "lang", "locale", "languepreferee", "preferredlanguage"]],
      ["groups", ["groups", "groupes", "group", "groupe"]],
    ] as const
  ).flatMap(([column, names]) => names.map((n) => [n, column])),
);

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "");

export type ImportColumns = Partial<Record<Column, number>>;

export function mapHeader(cells: string[]): ImportColumns {
  const columns: ImportColumns = {};
  cells.forEach((cell, index) => {
    const column = HEADER_ALIASES[fold(cell)];
    if (column && columns[column] === undefined) columns[column] = index;
  });
  return columns;
}

const LANGUAGES: Record<string, Locale> = { fr: "fr", francais: "fr", french: "fr", fra: "fr", fre: "fr", en: "en", anglais: "en", english: "en", eng: "en" };

function parseLanguage(raw: string): Locale | null | undefined {
  const value = raw.trim();
  if (!value) return null;
  const tag = /^(fr|en)[-_][a-z]{2}$/i.exec(value);
  if (tag) return tag[1].toLowerCase() as Locale;
  return LANGUAGES[fold(value)];
}

const email = z.string().email();

export type ImportPerson = { email: string; firstName: string | null; lastName: string | null; locale: Locale | null; groups: string[] };
export type ParsedRow =
  | { line: number; kind: "blank" }
  | { line: number; kind: "error"; code: ImportRowErrorCode; value?: string }
  | ({ line: number; kind: "person" } & ImportPerson);

export type ParsedImport = { ok: true; rows: ParsedRow[] } | { ok: false; reason: "empty_file" | "missing_email_column" | "too_many_rows" };

function splitGroups(cell: string) {
  const seen = new Map<string, string>();
  for (const name of cell.split(/[|,;]/).map((g) => g.trim().replace(/\s+/g, " "))) {
    if (name && !seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name);
  }
  return [...seen.values()];
}

// Line numbers are the spreadsheet's: the header is line 1, blank lines still count.
// Everything is decided from the file alone, so a retried job sees exactly the same rows.
export function parseImport(text: string): ParsedImport {
  // papaparse guesses the delimiter (",", ";", tab…) and handles quoted fields. Its guess
  // stumbles on blank lines, which we must keep to number lines, so it guesses on a
  // blank-free preview first.
  const { delimiter } = Papa.parse<string[]>(text.slice(0, 64 * 1024), { skipEmptyLines: "greedy", preview: 50 }).meta;
  const { data } = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const headerIndex = data.findIndex((cells) => cells.some((c) => c.trim()));
  if (headerIndex < 0) return { ok: false, reason: "empty_file" };
  const header = data[headerIndex];
  const columns = mapHeader(header);
  if (columns.email === undefined) return { ok: false, reason: "missing_email_column" };
  if (data.length - headerIndex - 1 > MAX_IMPORT_ROWS) return { ok: false, reason: "too_many_rows" };
  const cell = (cells: string[], column: Column) => (columns[column] === undefined ? "" : (cells[columns[column]!] ?? "").trim());
  const firstLineOf = new Map<string, number>();
  const rows: ParsedRow[] = [];
  for (let i = headerIndex + 1; i < data.length; i++) {
    const cells = data[i];
    const line = i + 1;
    if (!cells.some((c) => c.trim())) {
      rows.push({ line, kind: "blank" });
      continue;
    }
    const address = cell(cells, "email").toLowerCase();
    const locale = parseLanguage(cell(cells, "language"));
    const firstName = cell(cells, "firstName");
    const lastName = cell(cells, "lastName");
    const error = (code: ImportRowErrorCode, value?: string) => rows.push({ line, kind: "error", code, value });
    if (cells.slice(header.length).some((c) => c.trim())) error("too_many_columns");
    else if (!address) error("missing_email");
    else if (!email.safeParse(address).success) error("invalid_email", address);
    else if (firstLineOf.has(address)) error("duplicate_in_file", address);
    else if (locale === undefined) error("unknown_language", cell(cells, "language"));
    else if (firstName.length > MAX_NAME || lastName.length > MAX_NAME) error("name_too_long");
    else {
      firstLineOf.set(address, line);
      rows.push({ line, kind: "person", email: address, firstName: firstName || null, lastName: lastName || null, locale, groups: splitGroups(cell(cells, "groups")) });
    }
  }
  // A file ending with a newline yields one last empty record that is not a line of its own.
  const last = rows.at(-1);
  if (last?.kind === "blank" && last.line === data.length && /\r?\n$/.test(text)) rows.pop();
  return { ok: true, rows };
}
