// What the tenancy tests run over: every server action and route handler the app exports,
// every page, and the cases written for them in ./cases/.
import fs from "node:fs";
import path from "node:path";
import type { Role } from "@/db/schema/enums";
import { can, ROLES, type Permission } from "@/lib/auth/permissions";
import { createMember, createOrg } from "@/tests/factories";
import type { Actor, CrossOrgActionCase, CrossOrgRouteCase, Exempt, FuzzCase } from "./types";

export const ROOT = path.resolve(import.meta.dirname, "../../..");
const casesDir = path.join(import.meta.dirname, "cases");

function walk(dir: string, match: (f: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : walk(full, match);
    return match(e.name) ? [path.relative(ROOT, full)] : [];
  });
}

const caseModules = await Promise.all(
  fs.readdirSync(casesDir).filter((f) => f.endsWith(".ts")).map((f) => import(path.join(casesDir, f))),
);
export const actionCases: CrossOrgActionCase[] = caseModules.flatMap((m) => m.actionCases ?? []);
export const routeCases: CrossOrgRouteCase[] = caseModules.flatMap((m) => m.routeCases ?? []);
export const fuzzCases: FuzzCase[] = caseModules.flatMap((m) => m.fuzzCases ?? []);
export const exempt: Exempt = Object.assign({}, ...caseModules.map((m) => m.exempt ?? {}));
export const fuzzExempt: Exempt = Object.assign({}, ...caseModules.map((m) => m.fuzzExempt ?? {}));

export async function exportedActions() {
  const files = walk(path.join(ROOT, "lib"), (f) => f === "actions.ts" || f.endsWith("-actions.ts"));
  const names: string[] = [];
  for (const file of files) {
    const mod = await import(path.join(ROOT, file));
    for (const [name, value] of Object.entries(mod)) if (typeof value === "function") names.push(`${file}#${name}`);
  }
  return names;
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

// Declared exports (`export const GET`, `export async function POST`, `export const { GET, POST }
// = handlers`) and export lists (`export { handler as GET, POST }`).
export function exportedRoutes() {
  const names: string[] = [];
  for (const file of walk(path.join(ROOT, "app"), (f) => f === "route.ts")) {
    const source = fs.readFileSync(path.join(ROOT, file), "utf8");
    const lists = [...source.matchAll(/export\s*\{([^}]*)\}/g)].map((m) => m[1]);
    for (const method of METHODS) {
      const declared = new RegExp(`export (const|async function|function) [^\\n]*\\b${method}\\b`).test(source);
      const listed = lists.some((list) => list.split(",").some((item) => new RegExp(`^\\s*(\\w+\\s+as\\s+)?${method}\\s*$`).test(item)));
      if (declared || listed) names.push(`${file}#${method}`);
    }
  }
  return names;
}

export function pages() {
  return walk(path.join(ROOT, "app"), (f) => f === "page.tsx");
}

export async function loadExport(name: string) {
  const [file, exportName] = name.split("#");
  return (await import(path.join(ROOT, file)))[exportName];
}

export async function actor(org: Actor["org"] | undefined, role: Role): Promise<Actor> {
  const organization = org ?? (await createOrg());
  const { user, membership } = await createMember(organization, { role });
  return { org: organization, userId: user.id, membershipId: membership.id };
}

export async function twoOrganisations() {
  return { own: await actor(undefined, "owner"), foreign: await actor(undefined, "owner") };
}

// The most senior role the permission refuses: the one a check set one step too low would
// let through. The matrix only ever grants a role what every role above it has (see
// tests/unit/permissions.test.ts), so every role below it is refused too. Null when every
// member may (nothing to refuse).
export function seniorRefusedRole(permission: Permission): Role | null {
  return ROLES.find((role) => !can(role, permission)) ?? null;
}

// Calls an action as a form would (`(previousState, formData)`) or as a client component does.
export async function callAction(action: (...args: unknown[]) => Promise<unknown>, input: Record<string, unknown> | FormData) {
  return input instanceof FormData ? action(null, input) : action(input);
}

// Next's own answers thrown from server code: notFound(), forbidden(), redirect().
export function nextAnswer(error: unknown): string | null {
  const digest = (error as { digest?: unknown })?.digest;
  if (typeof digest !== "string") return null;
  if (digest.startsWith("NEXT_REDIRECT")) return "redirect";
  const status = /^NEXT_HTTP_ERROR_FALLBACK;(\d+)/.exec(digest)?.[1];
  return status ? `http_${status}` : null;
}
