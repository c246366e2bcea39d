import { z, type ZodType } from "zod";

// Characters no form field, query string or id carries on purpose: C0 controls but tab, line
// feed and carriage return (NUL among them, which PostgreSQL refuses in text), DEL, C1
// controls, and the bidirectional embeddings, overrides and isolates that make text display
// in another order than it is stored ("gpj.exe" shown as "exe.jpg"). Right-to-left text
// itself (Arabic, Hebrew) and its marks are kept.
const CONTROL_CLASS = "[\\u0000-\\u0008\\u000E-\\u001F\\u007F-\\u0084\\u0086-\\u009F\\u202A-\\u202E\\u2066-\\u2069]";
const CONTROL = new RegExp(CONTROL_CLASS, "g");
const ANY_CONTROL = new RegExp(CONTROL_CLASS);
// Line breaks that word processors put in copied text: plain line feeds once stored.
const LINE_BREAKS = /[\u000B\u000C\u0085\u2028\u2029]/g;

export function hasControlCharacters(text: string) {
  // A lone surrogate (half an emoji) cannot be stored as UTF-8 either.
  return ANY_CONTROL.test(text) || !text.isWellFormed();
}

export function stripControlCharacters(text: string) {
  return text.toWellFormed().replace(LINE_BREAKS, "\n").replace(CONTROL, "");
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (!value || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

function mapStrings(value: unknown, map: (text: string) => string): unknown {
  if (typeof value === "string") return map(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, map));
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([key, v]) => [map(key), mapStrings(v, map)]));
  return value;
}

function* controlCharacterPaths(value: unknown, path: (string | number)[] = []): Generator<(string | number)[]> {
  if (typeof value === "string") {
    if (hasControlCharacters(value)) yield path;
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) yield* controlCharacterPaths(v, [...path, i]);
  } else if (isPlainObject(value)) {
    for (const [key, v] of Object.entries(value)) {
      if (hasControlCharacters(key)) yield path;
      else yield* controlCharacterPaths(v, [...path, key]);
    }
  }
}

const refusingControlCharacters = z.preprocess(
  (value) => mapStrings(value, (text) => text.replace(LINE_BREAKS, "\n")),
  z.unknown().superRefine((value, ctx) => {
    for (const path of controlCharacterPaths(value)) ctx.addIssue({ code: "custom", path, message: "control_characters" });
  }),
);

// The one way input from outside meets a schema: the doors (orgAction, userAction,
// publicAction, withOrg, publicRoute) read every schema through it, so no schema has to
// remember control characters. A field holding one is refused ("control_characters", shown
// in the member's language), never silently changed into another valid value.
export const fromOutside = <S extends ZodType>(schema: S) => refusingControlCharacters.pipe(schema);

// A page's query string: control characters dropped (a search, a filter: nothing is written),
// and never an error page. What does not parse is read as an empty query, so the page shows
// its default view; page schemas have no required field.
export function parseQuery<S extends ZodType>(schema: S, query: unknown): z.output<S> {
  const parsed = schema.safeParse(mapStrings(query, stripControlCharacters));
  return parsed.success ? parsed.data : schema.parse({});
}

// A request path no page or route of ours has: a control character or a broken escape in a
// segment, which would otherwise reach a query as an id.
export function isMalformedPath(pathname: string) {
  try {
    return hasControlCharacters(decodeURIComponent(pathname));
  } catch {
    return true;
  }
}
