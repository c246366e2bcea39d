import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { actAs } from "@/tests/setup/request-context";
import { actionCases, actor, callAction, exempt, exportedActions, exportedRoutes, loadExport, nextAnswer, routeCases, seniorRefusedRole, twoOrganisations } from "./enumerate";
import type { Role } from "@/db/schema/enums";
import type { Permission } from "@/lib/auth/permissions";
import type { Actor } from "./types";

async function runAction(name: string, input: Record<string, unknown> | FormData) {
  try {
    return await callAction(await loadExport(name), input);
  } catch (error) {
    // notFound() or forbidden() from a page-level helper also counts as a refusal.
    const answer = nextAnswer(error);
    return { ok: false, code: answer === "http_404" ? "not_found" : answer === "http_403" ? "forbidden" : "threw" };
  }
}

async function runRoute(name: string, method: string, request: { params: Record<string, string>; init?: RequestInit; url?: string }) {
  const handler = await loadExport(name);
  const req = new NextRequest(request.url ?? "http://localhost:3000/api", { method, ...(request.init as object) });
  return (await handler(req, { params: Promise.resolve(request.params) })) as Response;
}

// Each case again as a member of the foreign organisation itself, with the most senior role
// the export's permission refuses (orgAction and withOrg carry it), in place of the outsider:
// the organisation filter cannot hide a missing role check. Exports every member may use
// have no such run.
async function withRefusedRole<C>(cases: C[], name: (c: C) => string) {
  const runs: [string, Role, C][] = [];
  for (const c of cases) {
    const permission: Permission | undefined = (await loadExport(name(c)))?.permission;
    const role = permission ? seniorRefusedRole(permission) : null;
    if (role) runs.push([name(c), role, c]);
  }
  return runs;
}
const actionRoleRuns = await withRefusedRole(actionCases, (c) => c.action);
const routeRoleRuns = await withRefusedRole(routeCases, (c) => c.route);

const insider = async (ctx: { foreign: Actor }, role: Role) => ({ own: await actor(ctx.foreign.org, role), foreign: ctx.foreign });

describe("cross-organisation access", () => {
  it("every server action and route handler has a cross-organisation case or a stated exemption", async () => {
    const covered = new Set([...actionCases.map((c) => c.action), ...routeCases.map((c) => c.route), ...Object.keys(exempt)]);
    const missing = [...(await exportedActions()), ...exportedRoutes()].filter((name) => !covered.has(name));
    expect(missing).toEqual([]);
  });

  it("finds route handlers however they are exported", () => {
    expect(exportedRoutes()).toEqual(expect.arrayContaining(["app/api/auth/[...nextauth]/route.ts#GET", "app/api/orgs/[org]/imports/route.ts#POST", "app/media/[id]/route.ts#GET"]));
  });

  it.each(actionCases.map((c) => [c.action, c] as const))("%s refuses another organisation's ids", async (name, testCase) => {
    const ctx = await twoOrganisations();
    await actAs(ctx.own.userId);
    const result = await runAction(name, await testCase.input(ctx));
    expect(result).toMatchObject({ ok: false, code: expect.stringMatching(/^(not_found|forbidden)$/) });
    await testCase.unchanged?.(ctx);
  });

  it("reads the permission of actions and route handlers, so the role runs below are not empty", () => {
    expect(actionRoleRuns.length).toBeGreaterThan(actionCases.length / 2);
    expect(routeRoleRuns.map(([name, role]) => `${name} ${role}`)).toEqual(expect.arrayContaining(["app/api/orgs/[org]/imports/route.ts#POST staff"]));
  });

  it.each(actionRoleRuns)("%s refuses a member of the organisation with role %s", async (name, role, testCase) => {
    const inside = await insider(await twoOrganisations(), role);
    await actAs(inside.own.userId);
    expect(await runAction(name, await testCase.input(inside))).toEqual({ ok: false, code: "forbidden" });
  });

  it.each(routeCases.map((c) => [c.route, c] as const))("%s refuses another organisation's ids", async (name, testCase) => {
    const ctx = await twoOrganisations();
    await actAs(ctx.own.userId);
    const response = await runRoute(name, name.split("#")[1], await testCase.request(ctx));
    expect([403, 404]).toContain(response.status);
  });

  it.each(routeRoleRuns)("%s refuses a member of the organisation with role %s", async (name, role, testCase) => {
    const inside = await insider(await twoOrganisations(), role);
    await actAs(inside.own.userId);
    expect((await runRoute(name, name.split("#")[1], await testCase.request(inside))).status).toBe(403);
  });
});
