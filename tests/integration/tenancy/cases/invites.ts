import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { db } from "@/db/client";
import { invitations, inviteLinks } from "@/db/schema";
import { createGroup } from "@/tests/factories";
import { createInviteLink } from "@/tests/factories/invites";
import type { Actor, CrossOrgActionCase, CrossOrgRouteCase, Exempt, FuzzCase } from "../types";

const foreignLink = (foreign: Actor) => createInviteLink(foreign.org);

async function foreignInvitation(foreign: Actor) {
  const [row] = await db
    .insert(invitations)
    .values({ organizationId: foreign.org.id, email: "pending@example.test", role: "staff", expiresAt: new Date(Date.now() + 86400_000) })
    .onConflictDoNothing()
    .returning();
  return row ?? (await db.select().from(invitations).where(eq(invitations.organizationId, foreign.org.id)))[0];
}

export const actionCases: CrossOrgActionCase[] = [
  {
    action: "lib/invitations/invite-link-actions.ts#createInviteLinkAction",
    async input({ own, foreign }) {
      const group = await createGroup(foreign.org);
      return { org: own.org.slug, role: "advocate", groupIds: [group.id] };
    },
    async unchanged({ own }) {
      expect(await db.select().from(inviteLinks).where(eq(inviteLinks.organizationId, own.org.id))).toHaveLength(0);
    },
  },
  {
    action: "lib/invitations/invite-link-actions.ts#revokeInviteLinkAction",
    async input({ own, foreign }) {
      return { org: own.org.slug, id: (await foreignLink(foreign)).id };
    },
    async unchanged({ foreign }) {
      const rows = await db.select().from(inviteLinks).where(eq(inviteLinks.organizationId, foreign.org.id));
      expect(rows.every((l) => l.revokedAt === null)).toBe(true);
    },
  },
  {
    action: "lib/invitations/email-invitation-actions.ts#inviteStaffAction",
    async input({ own, foreign }) {
      const group = await createGroup(foreign.org);
      return { org: own.org.slug, emails: "someone@example.test", role: "staff", groupIds: [group.id] };
    },
    async unchanged({ own }) {
      expect(await db.select().from(invitations).where(eq(invitations.organizationId, own.org.id))).toHaveLength(0);
    },
  },
  {
    action: "lib/invitations/email-invitation-actions.ts#cancelInvitationAction",
    async input({ own, foreign }) {
      return { org: own.org.slug, id: (await foreignInvitation(foreign)).id };
    },
    async unchanged({ foreign }) {
      expect(await db.select().from(invitations).where(eq(invitations.organizationId, foreign.org.id))).toHaveLength(1);
    },
  },
  {
    action: "lib/invitations/email-invitation-actions.ts#resendInvitationAction",
    async input({ own, foreign }) {
      return { org: own.org.slug, id: (await foreignInvitation(foreign)).id };
    },
    async unchanged({ foreign }) {
      const rows = await db.select().from(invitations).where(eq(invitations.organizationId, foreign.org.id));
      expect(rows.map((r) => r.email)).toEqual(["pending@example.test"]);
    },
  },
];

export const routeCases: CrossOrgRouteCase[] = [
  {
    route: "app/api/orgs/[org]/invites/[id]/qr/route.ts#GET",
    async request({ own, foreign }) {
      const link = await foreignLink(foreign);
      return { params: { org: own.org.slug, id: link.id }, url: `http://localhost:3000/api/orgs/${own.org.slug}/invites/${link.id}/qr?format=svg` };
    },
  },
];

export const exempt: Exempt = {
  "lib/invitations/join-actions.ts#requestLinkJoinAction": "public join: the unguessable link code names the organisation; no member ids are taken",
  "lib/invitations/join-actions.ts#requestInvitationJoinAction": "public join: the invitation token names the organisation; no member ids are taken",
  "lib/invitations/join-actions.ts#joinWithLinkAction": "joins the caller to the code's organisation; that is the feature, gated by the link's own rules",
  "lib/invitations/join-actions.ts#acceptInvitationAction": "accepts an invitation sent to the caller's own address (checked), by its token",
  "app/join/complete/route.ts#GET": "completes the caller's own join claim, bound to their proven email address; answers by redirect",
  "app/join/[code]/logo/route.ts#GET": "public: the logo of the organisation the invite link code belongs to, nothing else",
  "app/join/invitation/[token]/logo/route.ts#GET": "public: the logo of the organisation the invitation token belongs to, nothing else",
};

// Codes and tokens of the right shape that name nothing: every join is refused.
const UNKNOWN_CODE = "Zz9Zz9Zz9Zz9Zz9Z";
const UNKNOWN_TOKEN = "Zz9".repeat(14) + "Z";
const joinForm = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries({ firstName: "Zoé", lastName: "Gagnon", locale: "fr", consent: "on", ...fields })) data.set(key, value);
  return data;
};

export const fuzzCases: FuzzCase[] = [
  { target: "lib/invitations/join-actions.ts#requestLinkJoinAction", input: async () => joinForm({ code: UNKNOWN_CODE, email: "zoe@example.test" }) },
  { target: "lib/invitations/join-actions.ts#requestInvitationJoinAction", input: async () => joinForm({ token: UNKNOWN_TOKEN }) },
  { target: "lib/invitations/join-actions.ts#joinWithLinkAction", input: async () => joinForm({ code: UNKNOWN_CODE }) },
  { target: "lib/invitations/join-actions.ts#acceptInvitationAction", input: async () => joinForm({ token: UNKNOWN_TOKEN }) },
  { target: "app/join/complete/route.ts#GET", input: async () => ({ params: {}, url: "http://localhost:3000/join/complete?claim=jcl_unknown" }) },
  { target: "app/join/[code]/logo/route.ts#GET", input: async () => ({ params: { code: UNKNOWN_CODE }, url: `http://localhost:3000/join/${UNKNOWN_CODE}/logo` }) },
  { target: "app/join/invitation/[token]/logo/route.ts#GET", input: async () => ({ params: { token: UNKNOWN_TOKEN }, url: `http://localhost:3000/join/invitation/${UNKNOWN_TOKEN}/logo` }) },
];
