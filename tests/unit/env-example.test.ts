import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
// Set by Relais itself, or by the test and demo tooling, never by an operator.
const INTERNAL = new Set(["AUTH_URL"]);

function files(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return files(rel);
    return /\.(ts|tsx)$/.test(e.name) ? [rel] : [];
  });
}

// Every setting the running app reads: process.env.X anywhere in its code, and the keys of
// the schemas that parse the environment (lib/env.ts, lib/tracked-links/config.ts).
function settingsTheCodeReads() {
  const sources = [...files("lib"), ...files("app"), ...files("workers"), ...files("db"), "server.ts", "redirect-server.ts", "proxy.ts"];
  const names = new Set<string>();
  for (const file of sources) {
    const text = fs.readFileSync(path.join(ROOT, file), "utf8");
    for (const m of text.matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)) names.add(m[1]);
  }
  for (const file of ["lib/env.ts", "lib/tracked-links/config.ts"]) {
    const text = fs.readFileSync(path.join(ROOT, file), "utf8");
    for (const m of text.matchAll(/^ {2}([A-Z][A-Z0-9_]*): /gm)) names.add(m[1]);
  }
  return [...names].filter((n) => !INTERNAL.has(n)).sort();
}

function settingsTheExampleNames() {
  const text = fs.readFileSync(path.join(ROOT, ".env.example"), "utf8");
  return [...text.matchAll(/^(?:# )?([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]).sort();
}

describe(".env.example", () => {
  it("names every setting the code reads", () => {
    const documented = new Set(settingsTheExampleNames());
    expect(settingsTheCodeReads().filter((n) => !documented.has(n))).toEqual([]);
  });

  it("names no setting the code does not read", () => {
    const read = new Set([...settingsTheCodeReads(), "DEMO_HOSTNAME"]);
    expect(settingsTheExampleNames().filter((n) => !read.has(n))).toEqual([]);
  });
});
