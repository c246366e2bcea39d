import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { createGroup } from "@/tests/factories";
import { createCampaign } from "@/tests/factories/campaigns";
import { createRunningContest } from "@/tests/integration/contests/support";
import { actAs } from "@/tests/setup/request-context";
import { actionCases, callAction, exempt, exportedActions, exportedRoutes, fuzzCases, fuzzExempt, loadExport, nextAnswer, pages, ROOT, routeCases, twoOrganisations } from "./enumerate";
import type { Actor } from "./types";

// Hostile values for one field at a time: every action, route handler and page query string
// must answer them without a server error and without writing a row.
const MISSING = Symbol("missing");
const FUZZ: [label: string, value: unknown][] = [
  ["an oversized value", "x".repeat(100_000)],
  ["a NUL byte", "a\u0000b"],
  ["control characters", "\u0001\u0008\u001b[31m\u007f"],
  ["right-to-left overrides", "\u202Egnp.exe\u202C مرحبا"],
  ["emoji", "👩‍👩‍👧‍👦🎉"],
  ["half an emoji", "a\uD83Db"],
  ["a malformed escape", "%E0%A4%A"],
  ["an object", { $ne: null }],
  ["a list", ["a", "b"]],
  ["a huge number", 1e308],
  ["a missing value", MISSING],
];
// What refusing a missing field looks like is the schema's business; a missing optional
// field may be a valid request that writes (a draft without a campaign), so only server
// errors are checked for it.
const writes = (value: unknown) => value !== MISSING;

type Outcome = { serverError: string | null };

// Every row of every table of this file's own database, counted.
async function rowCounts() {
  const tables = (await db.execute<{ name: string }>(sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`)).map((r) => r.name);
  const [counts] = await db.execute<Record<string, number>>(sql.raw(`select ${tables.map((t) => `(select count(*)::int from "${t}") as "${t}"`).join(", ")}`));
  return counts;
}

function withField(input: Record<string, unknown> | FormData, field: string, value: unknown) {
  if (input instanceof FormData) {
    const form = new FormData();
    for (const [key, v] of input) if (key !== field) form.append(key, v);
    if (value === MISSING) return form;
    for (const item of Array.isArray(value) ? value : [value]) form.append(field, typeof item === "string" ? item : JSON.stringify(item));
    return form;
  }
  const copy = { ...input };
  if (value === MISSING) delete copy[field];
  else copy[field] = value;
  return copy;
}

const fieldsOf = (input: Record<string, unknown> | FormData) => [...new Set(input instanceof FormData ? [...input.keys()] : Object.keys(input))].filter((f) => f !== "org");

async function attempt(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    const result = await run();
    if (result instanceof Response) return { serverError: result.status >= 500 ? `status ${result.status}` : null };
    return { serverError: (result as { code?: string } | undefined)?.code === "internal" ? "internal" : null };
  } catch (error) {
    return { serverError: nextAnswer(error) ? null : `threw ${(error as Error).message?.slice(0, 200)}` };
  }
}

type Request = { params: Record<string, string>; init?: RequestInit; url?: string };

function withRequestField(request: Request, field: string, value: unknown): Request {
  const text = value === MISSING ? null : Array.isArray(value) ? value : [typeof value === "string" ? value : JSON.stringify(value)];
  const url = new URL(request.url ?? "http://localhost:3000/api");
  if (field.startsWith("?")) {
    url.searchParams.delete(field.slice(1));
    for (const item of text ?? []) url.searchParams.append(field.slice(1), item);
    return { ...request, url: url.toString() };
  }
  const params = { ...request.params };
  if (text === null) delete params[field];
  else params[field] = text.join(",");
  return { ...request, params };
}

const requestFields = (request: Request) => [
  ...Object.keys(request.params).filter((p) => p !== "org"),
  ...[...new URL(request.url ?? "http://localhost:3000/api").searchParams.keys()].map((k) => `?${k}`),
];

// `unchanged` (the case's own check on the other organisation) runs before the missing
// values, which may make a valid request of the caller's own.
async function fuzz(fields: string[], call: (field: string, value: unknown) => Promise<unknown>, options: { unchanged?: () => Promise<void>; canBeMissing?: (field: string) => boolean } = {}) {
  const failures: string[] = [];
  const before = await rowCounts();
  for (const field of fields) {
    for (const [label, value] of FUZZ.filter(([, v]) => writes(v))) {
      const { serverError } = await attempt(() => call(field, value));
      if (serverError) failures.push(`${field} = ${label}: ${serverError}`);
    }
  }
  const written = Object.entries(await rowCounts()).filter(([table, n]) => n !== before[table]).map(([table]) => table);
  await options.unchanged?.();
  for (const field of fields.filter(options.canBeMissing ?? (() => true))) {
    const { serverError } = await attempt(() => call(field, MISSING));
    if (serverError) failures.push(`${field} missing: ${serverError}`);
  }
  expect(failures.join("\n")).toBe("");
  expect(written).toEqual([]);
}

// A route matches only with its path segments present: only query keys can be missing.
const queryKey = (field: string) => field.startsWith("?");

async function asOwner() {
  const ctx = await twoOrganisations();
  await actAs(ctx.own.userId);
  return ctx;
}

const route = async (name: string, request: Request) => {
  const handler = await loadExport(name);
  const req = new NextRequest(request.url ?? "http://localhost:3000/api", { method: name.split("#")[1], ...(request.init as object) });
  return handler(req, { params: Promise.resolve(request.params) });
};

// The query keys pages read. A page that reads a new one: add it here.
const QUERY_KEYS = ["q", "role", "status", "group", "cursor", "campaign", "moment", "network", "before", "view", "date", "archived", "callbackUrl", "error", "email", "member", "from", "to", "baseFrom", "baseTo"];
// Ids for the dynamic segments of the pages that read a query string, besides [org].
const PAGE_PARAMS: Record<string, (own: Actor) => Promise<Record<string, string>>> = {
  "app/[org]/groups/[groupId]/page.tsx": async (own) => ({ groupId: (await createGroup(own.org)).id }),
  "app/[org]/campaigns/[id]/calendar/page.tsx": async (own) => ({ id: (await createCampaign(own.org)).id }),
  "app/[org]/contests/[id]/history/page.tsx": async (own) => ({ id: (await createRunningContest(own.org)).id }),
  "app/[org]/campaigns/[id]/report/page.tsx": async (own) => ({ id: (await createCampaign(own.org)).id }),
};
const queryPages = pages().filter((file) => fs.readFileSync(path.join(ROOT, file), "utf8").includes("searchParams"));
const segments = (file: string) => [...file.matchAll(/\[(\w+)\]/g)].map((m) => m[1]);

describe("bad input", () => {
  it("fuzzes every server action and route handler, or says why not", async () => {
    const covered = new Set([...actionCases.map((c) => c.action), ...routeCases.map((c) => c.route), ...fuzzCases.map((c) => c.target), ...Object.keys(fuzzExempt)]);
    const all = [...(await exportedActions()), ...exportedRoutes()];
    expect(all.filter((name) => !covered.has(name))).toEqual([]);
    // Every exemption of the cross-organisation test is fuzzed here or exempted with a reason.
    expect(Object.keys(exempt).filter((name) => !covered.has(name))).toEqual([]);
  });

  it("fuzzes the query string of every page that reads one", () => {
    const unfuzzable = queryPages.filter((file) => segments(file).some((s) => s !== "org") && !PAGE_PARAMS[file]);
    expect(unfuzzable).toEqual([]);
    expect(queryPages.length).toBeGreaterThan(5);
  });

  it.each(actionCases.map((c) => [c.action, c] as const))("%s answers bad input without a server error and writes nothing", async (name, testCase) => {
    const ctx = await asOwner();
    const base = await testCase.input(ctx);
    const action = await loadExport(name);
    await fuzz(fieldsOf(base), (field, value) => callAction(action, withField(base, field, value)), { unchanged: testCase.unchanged && (() => testCase.unchanged!(ctx)) });
  });

  it.each(routeCases.map((c) => [c.route, c] as const))("%s answers bad input without a server error and writes nothing", async (name, testCase) => {
    const ctx = await asOwner();
    const base = await testCase.request(ctx);
    await fuzz(requestFields(base), (field, value) => route(name, withRequestField(base, field, value)), { canBeMissing: queryKey });
  });

  it.each(fuzzCases.map((c) => [c.target, c] as const))("%s answers bad input without a server error and writes nothing", async (name, testCase) => {
    const ctx = await asOwner();
    const base = await testCase.input(ctx);
    if (name.includes("#GET") || name.includes("#POST")) {
      const request = base as Request;
      return fuzz(requestFields(request), (field, value) => route(name, withRequestField(request, field, value)), { canBeMissing: queryKey });
    }
    const action = await loadExport(name);
    const input = base as Record<string, unknown> | FormData;
    await fuzz(fieldsOf(input), (field, value) => (testCase.call ? testCase.call(action, withField(input, field, value)) : callAction(action, withField(input, field, value))));
  });

  it.each(queryPages)("%s answers a hostile query string without a server error and writes nothing", async (file) => {
    const ctx = await asOwner();
    const params = { org: ctx.own.org.slug, ...(await PAGE_PARAMS[file]?.(ctx.own)) };
    const Page = (await import(path.join(ROOT, file))).default;
    const render = (query: Record<string, unknown>) => Page({ params: Promise.resolve(params), searchParams: Promise.resolve(query) });
    const queryWith = (value: unknown) =>
      value === MISSING ? {} : Object.fromEntries(QUERY_KEYS.map((key) => [key, Array.isArray(value) ? value : typeof value === "string" ? value : JSON.stringify(value)]));
    // All the keys at once, one hostile value at a time.
    await fuzz(["query"], (_field, value) => render(queryWith(value)));
  });
});
