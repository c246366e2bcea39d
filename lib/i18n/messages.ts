import fs from "node:fs";
import path from "node:path";
import type { Locale } from "@/db/schema/enums";

type Messages = Record<string, unknown>;
const cache = new Map<Locale, Messages>();

// messages/<locale>/<namespace>.json: one file per screen or domain, so that teams working
// on different domains never edit the same file. Read once per process.
export function loadMessages(locale: Locale): Messages {
  const hit = cache.get(locale);
  if (hit && process.env.NODE_ENV === "production") return hit;
  const dir = path.join(process.cwd(), "messages", locale);
  const messages: Messages = {};
  for (const file of fs.readdirSync(dir).sort()) {
    if (!file.endsWith(".json")) continue;
    messages[file.replace(/\.json$/, "")] = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
  }
  cache.set(locale, messages);
  return messages;
}
