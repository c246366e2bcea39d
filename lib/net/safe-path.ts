import { z } from "zod";

// Any origin will do: a path is safe when resolving it against one keeps that origin.
const PROBE = "https://relais.invalid";
const MAX_LENGTH = 2000;
// Browsers drop tabs and line breaks inside a URL and read "\" as "/": "/\t/evil.example"
// and "/\evil.example" both lead to evil.example. Any control character is refused.
const FORBIDDEN = /[\\\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

// Every form the path takes once unescaped, as far as a server or a browser may go.
function decodings(path: string) {
  const forms = [path];
  let current = path;
  for (let i = 0; i < 4; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return forms;
    forms.push(next);
    current = next;
  }
  // Still changing after four rounds: nobody writes a path like that by accident.
  return null;
}

// The one judge of where input may send a person: a path inside Relais ("/acme/feed?x=1"),
// never another origin however it is spelled (//, /\, encoded slashes or backslashes,
// control characters, schemes). Anything else is `fallback`.
export function safeInAppPath(input: unknown, fallback = "/"): string {
  if (typeof input !== "string" || input.length === 0 || input.length > MAX_LENGTH) return fallback;
  const forms = decodings(input);
  if (!forms) return fallback;
  for (const form of forms) {
    if (!form.startsWith("/") || form.startsWith("//") || FORBIDDEN.test(form)) return fallback;
  }
  let resolved: URL;
  try {
    resolved = new URL(input, PROBE);
  } catch {
    return fallback;
  }
  if (resolved.origin !== PROBE) return fallback;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

// For schemas: a field that is a safe in-app path, or undefined.
export const inAppPath = z
  .unknown()
  .transform((value) => {
    const path = safeInAppPath(value, "");
    return path === "" ? undefined : path;
  })
  .optional();
