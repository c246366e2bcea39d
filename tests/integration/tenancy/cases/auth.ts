import type { CrossOrgActionCase, CrossOrgRouteCase, Exempt } from "../types";

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
