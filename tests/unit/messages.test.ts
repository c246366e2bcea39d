import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../messages");

function leaves(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

function keysOf(locale: string) {
  const dir = path.join(root, locale);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .flatMap((f) => leaves(JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")), f.replace(/\.json$/, "")))
    .sort();
}

function placeholders(locale: string) {
  const dir = path.join(root, locale);
  const out = new Map<string, string>();
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".json"))) {
    const walk = (v: unknown, p: string) => {
      // A placeholder is `{name}` or `{name, plural, …}`; plural branches (`{# uses}`,
      // `{No uses}`) are translated text, not placeholders.
      if (typeof v === "string") out.set(p, [...v.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]).sort().join(","));
      else if (v && typeof v === "object") for (const [k, c] of Object.entries(v)) walk(c, `${p}.${k}`);
    };
    walk(JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")), f.replace(/\.json$/, ""));
  }
  return out;
}

describe("messages", () => {
  it("French and English have exactly the same keys", () => {
    const fr = keysOf("fr");
    const en = keysOf("en");
    expect(fr.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !fr.includes(k))).toEqual([]);
  });

  it("French and English use the same placeholders in each message", () => {
    const fr = placeholders("fr");
    const en = placeholders("en");
    const mismatched = [...fr].filter(([k, v]) => en.has(k) && en.get(k) !== v).map(([k]) => k);
    expect(mismatched).toEqual([]);
  });

  it("no message is left empty", () => {
    for (const locale of ["fr", "en"]) {
      const empty = [...placeholders(locale).keys()].filter((k) => {
        const [file, ...rest] = k.split(".");
        const value = rest.reduce<unknown>((o, key) => (o as Record<string, unknown>)?.[key], JSON.parse(fs.readFileSync(path.join(root, locale, `${file}.json`), "utf8")));
        return typeof value === "string" && value.trim() === "";
      });
      expect(empty).toEqual([]);
    }
  });
});
