import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createMember, createOrg } from "@/tests/factories";
import { actAs } from "@/tests/setup/request-context";
import type { Actor, CrossOrgActionCase, CrossOrgRouteCase, Exempt } from "./types";

const ROOT = path.resolve(import.meta.dirname, "../../..");
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
const actionCases: CrossOrgActionCase[] = caseModules.flatMap((m) => m.actionCases ?? []);
const routeCases: CrossOrgRouteCase[] = caseModules.flatMap((m) => m.routeCases ?? []);
const exempt: Exempt = Object.assign({}, ...caseModules.map((m) => m.exempt ?? {}));

async function exportedActions() {
  const files = walk(path.join(ROOT, "lib"), (f) => f === "actions.ts" || f.endsWith("-actions.ts"));
  const names: string[] = [];
  for (const file of files) {
    const mod = await import(path.join(ROOT, file));
    for (const [name, value] of Object.entries(mod)) if (typeof value === "function") names.push(`${file}#${name}`);
  }
  return names;
}

async function exportedRoutes() {
  const files = walk(path.join(ROOT, "app"), (f) => f === "route.ts");
  const names: string[] = [];
  for (const file of files) {
    const source = fs.readFileSync(path.join(ROOT, file), "utf8");
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
      if (new RegExp(`export (const|async function|function) [^\\n]*\\b${method}\\b`).test(source)) names.push(`${file}#${method}`);
    }
  }
  return names;
}

async function twoOrganisations() {
  const actor = async (): Promise<Actor> => {
    const org = await createOrg();
    const { user, membership } = await createMember(org, { role: "owner" });
    return { org, userId: user.id, membershipId: membership.id };
  };
  return { own: await actor(), foreign: await actor() };
}

describe("cross-organisation access", () => {
  it("every server action and route handler has a cross-organisation case or a stated exemption", async () => {
    const covered = new Set([...actionCases.map((c) => c.action), ...routeCases.map((c) => c.route), ...Object.keys(exempt)]);
    const missing = [...(await exportedActions()), ...(await exportedRoutes())].filter((name) => !covered.has(name));
    expect(missing).toEqual([]);
  });

  it.each(actionCases.map((c) => [c.action, c] as const))("%s refuses another organisation's ids", async (name, testCase) => {
    const ctx = await twoOrganisations();
    await actAs(ctx.own.userId);
    const [file, exportName] = name.split("#");
    const action = (await import(path.join(ROOT, file)))[exportName];
    const input = await testCase.input(ctx);
    let result: unknown;
    try {
      result = input instanceof FormData ? await action(null, input) : await action(input);
    } catch (error) {
      // notFound() from a page-level helper also counts as a refusal.
      result = { ok: false, code: String((error as Error).message).includes("NEXT_HTTP_ERROR_FALLBACK;404") ? "not_found" : "threw" };
    }
    expect(result).toMatchObject({ ok: false, code: expect.stringMatching(/^(not_found|forbidden)$/) });
    await testCase.unchanged?.(ctx);
  });

  it.each(routeCases.map((c) => [c.route, c] as const))("%s refuses another organisation's ids", async (name, testCase) => {
    const ctx = await twoOrganisations();
    await actAs(ctx.own.userId);
    const [file, method] = name.split("#");
    const handler = (await import(path.join(ROOT, file)))[method];
    const { params, init, url } = await testCase.request(ctx);
    const { NextRequest } = await import("next/server");
    const request = new NextRequest(url ?? "http://localhost:3000/api", { method, ...(init as object) });
    const response: Response = await handler(request, { params: Promise.resolve(params) });
    expect([403, 404]).toContain(response.status);
  });
});
