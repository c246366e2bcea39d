import type { CrossOrgActionCase, CrossOrgRouteCase, Exempt, FuzzCase } from "../types";

export const actionCases: CrossOrgActionCase[] = [];
export const routeCases: CrossOrgRouteCase[] = [];
export const exempt: Exempt = {
  "lib/auth/actions.ts#requestMagicLinkAction": "sign-in: no organisation involved",
  "lib/auth/actions.ts#signInWithProviderAction": "sign-in: no organisation involved",
  "lib/auth/actions.ts#devLoginAction": "development sign-in: no organisation involved",
  "lib/auth/actions.ts#signOutAction": "acts on the caller's own session only",
  "lib/auth/actions.ts#signOutEverywhereAction": "acts on the caller's own sessions only",
  "lib/auth/actions.ts#setLocaleAction": "acts on the caller's own preference only",
  "lib/organizations/actions.ts#createOrganizationAction": "creates a new organisation; takes no existing ids",
  "app/api/auth/[...nextauth]/route.ts#GET": "Auth.js endpoints: no organisation involved",
  "app/api/auth/[...nextauth]/route.ts#POST": "Auth.js endpoints: no organisation involved",
};

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

export const fuzzCases: FuzzCase[] = [
  { target: "lib/auth/actions.ts#requestMagicLinkAction", input: async () => form({ email: "not-an-address", callbackUrl: "/feed" }) },
  {
    target: "lib/auth/actions.ts#signInWithProviderAction",
    input: async () => ({ provider: "no-such-provider", callbackUrl: "/feed" }),
    call: (action, input) => (action as (...args: unknown[]) => Promise<unknown>)(...Object.values(input as object)),
  },
  // The development sign-in is off in tests: refused whatever the input.
  { target: "lib/auth/actions.ts#devLoginAction", input: async () => form({ userId: "user_nobody" }), call: (action, input) => (action as (f: unknown) => Promise<unknown>)(input) },
  { target: "lib/auth/actions.ts#setLocaleAction", input: async () => form({ locale: "xx" }), call: (action, input) => (action as (f: unknown) => Promise<unknown>)(input) },
  // "admin" is a reserved slug: refused whatever the name.
  { target: "lib/organizations/actions.ts#createOrganizationAction", input: async () => form({ name: "Nouvelle organisation", slug: "admin", defaultLocale: "fr" }) },
];

export const fuzzExempt: Exempt = {
  "lib/auth/actions.ts#signOutAction": "takes no input",
  "lib/auth/actions.ts#signOutEverywhereAction": "takes no input",
  "app/api/auth/[...nextauth]/route.ts#GET": "Auth.js's own endpoints",
  "app/api/auth/[...nextauth]/route.ts#POST": "Auth.js's own endpoints",
};
