import { z, type ZodType } from "zod";

// Characters no form field, query string or id carries on purpose: C0 controls but tab, line
// feed and carriage return (NUL among them, which PostgreSQL refuses in text), DEL, C1
// controls, and the bidirectional embeddings, overrides and isolates that make text display
// in another order than it is stored ("gpj.exe" shown as "exe.jpg"). Right-to-left text
// itself (Arabic, Hebrew) and its marks are kept.
const CONTROL_CLASS = "[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069]";
const CONTROL = new RegExp(CONTROL_CLASS, "g");
const ANY_CONTROL = new RegExp(CONTROL_CLASS);

export function stripControlCharacters(text: string) {
  // A lone surrogate (half an emoji) cannot be stored as UTF-8 either.
  const whole = text.isWellFormed() ? text : text.toWellFormed();
  return whole.replace(CONTROL, "");
}

export function hasControlCharacters(text: string) {
  return ANY_CONTROL.test(text) || !text.isWellFormed();
}

const isPlainObject = (value: object) => {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

// Every string inside the value, cleaned; files, dates and numbers as they are.
export function cleanInput(value: unknown): unknown {
  if (typeof value === "string") return stripControlCharacters(value);
  if (Array.isArray(value)) return value.map(cleanInput);
  if (value && typeof value === "object" && isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [stripControlCharacters(key), cleanInput(v)]));
  }
  return value;
}

// The one way input from outside meets a schema: the doors (orgAction, userAction,
// publicAction, withOrg, publicRoute) and page query strings read every schema through it, so
// no schema has to remember control characters.
export const fromOutside = <S extends ZodType>(schema: S) => z.preprocess(cleanInput, schema);

// A page's query string: cleaned, and never an error page. What does not parse is read as
// an empty query, so the page shows its default view; page schemas have no required field.
export function parseQuery<S extends ZodType>(schema: S, query: unknown): z.output<S> {
  const parsed = fromOutside(schema).safeParse(query);
  return parsed.success ? parsed.data : schema.parse({});
}
