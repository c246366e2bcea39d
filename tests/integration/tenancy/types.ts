import type { Organization } from "@/db/schema";

export type Actor = { org: Organization; userId: string; membershipId: string };

// One entry per server action and route handler that takes ids. The enumerator in
// cross-org.test.ts fails when an exported action or a route file has no entry here, so a
// new route cannot ship without its cross-organisation test.
export type CrossOrgActionCase = {
  // "lib/<domain>/actions.ts#nameAction"
  action: string;
  // Called as the owner of `own`; must return input that names `foreign`'s resources.
  input(ctx: { own: Actor; foreign: Actor }): Promise<Record<string, unknown> | FormData>;
  // Checked after the call: the foreign resource is unchanged.
  unchanged?(ctx: { own: Actor; foreign: Actor }): Promise<void>;
};

export type CrossOrgRouteCase = {
  // "app/api/…/route.ts#GET"
  route: string;
  // Request as the owner of `own` aimed at `foreign`'s data; expect a 404 (or 403).
  request(ctx: { own: Actor; foreign: Actor }): Promise<{ params: Record<string, string>; init?: RequestInit; url?: string }>;
};

// Exports that take no organisation data (sign-in, locale) with the reason.
export type Exempt = Record<string, string>;

// Bad-input cases for exports that have no cross-organisation case (public joins, sign-in,
// creating an organisation): an input the export refuses by design, whose every field the
// fuzz test replaces with bad values.
export type FuzzCase = {
  // "lib/…/actions.ts#nameAction" or "app/…/route.ts#GET"
  target: string;
  // An action's input, or a route's request (params and URL, query string included).
  input(ctx: { own: Actor; foreign: Actor }): Promise<Record<string, unknown> | FormData | { params: Record<string, string>; url: string }>;
  // How the export is called when it is not `(input)` or `(previousState, form)`.
  call?(target: (...args: never[]) => Promise<unknown>, input: unknown): Promise<unknown>;
};
