import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import { db } from "@/db/client";
import { memberships, organizations, personalDataExports, privacySettings, workspaceDeletions, workspaceExports } from "@/db/schema";
import { EXPORT_TTL_MS, personalExportPath } from "@/lib/privacy/export-personal-data";
import { signPath } from "@/lib/privacy/signed-link";
import { workspaceExportPath } from "@/lib/privacy/workspace";
import type { Actor, CrossOrgActionCase, CrossOrgRouteCase, Exempt, FuzzCase } from "../types";

// Retention settings, exports and deletion take no ids but the workspace's slug: the attack is
// naming another organisation's.
const settingsUntouched = async ({ foreign }: { foreign: Actor }) => {
  expect(await db.select().from(privacySettings).where(eq(privacySettings.organizationId, foreign.org.id))).toEqual([]);
};

async function readyWorkspaceExport(foreign: Actor) {
  const expiresAt = new Date(Date.now() + EXPORT_TTL_MS);
  const [row] = await db.insert(workspaceExports).values({ organizationId: foreign.org.id, status: "ready", storageKey: `exports/workspace/${foreign.org.id}/x`, expiresAt }).returning();
  return { row, expiresAt };
}

export const actionCases: CrossOrgActionCase[] = [
  {
    action: "lib/privacy/actions.ts#updatePrivacySettingsAction",
    input: async ({ foreign }) => ({ org: foreign.org.slug, importFileDays: "1", expiredInviteDays: "1", clickDetailMonths: "1", auditLogYears: "1", privacyNoticeUrl: "https://example.org/p" }),
    unchanged: settingsUntouched,
  },
  {
    action: "lib/privacy/actions.ts#requestWorkspaceExportAction",
    input: async ({ foreign }) => ({ org: foreign.org.slug }),
    async unchanged({ foreign }) {
      expect(await db.select().from(workspaceExports).where(eq(workspaceExports.organizationId, foreign.org.id))).toEqual([]);
    },
  },
  {
    action: "lib/privacy/actions.ts#deleteWorkspaceAction",
    input: async ({ foreign }) => ({ org: foreign.org.slug, confirm: foreign.org.slug }),
    async unchanged({ foreign }) {
      expect(await db.select().from(workspaceDeletions).where(eq(workspaceDeletions.organizationId, foreign.org.id))).toEqual([]);
      expect(await db.select().from(organizations).where(eq(organizations.id, foreign.org.id))).toHaveLength(1);
    },
  },
  {
    action: "lib/privacy/actions.ts#leaveOrganizationAction",
    input: async ({ foreign }) => ({ org: foreign.org.slug, choice: "erase" }),
    async unchanged({ foreign }) {
      const [row] = await db.select().from(memberships).where(and(eq(memberships.organizationId, foreign.org.id), eq(memberships.id, foreign.membershipId)));
      expect(row.status).toBe("active");
    },
  },
];

export const routeCases: CrossOrgRouteCase[] = [
  {
    route: "app/api/orgs/[org]/privacy/exports/[id]/[format]/route.ts#GET",
    async request({ foreign }) {
      const { row, expiresAt } = await readyWorkspaceExport(foreign);
      // Even a correctly signed link needs a member of the organisation allowed to export.
      const url = `http://localhost:3000${signPath(workspaceExportPath(foreign.org.slug, row.id, "zip"), expiresAt)}`;
      return { params: { org: foreign.org.slug, id: row.id, format: "zip" }, url };
    },
  },
  {
    route: "app/api/account/exports/[id]/[format]/route.ts#GET",
    async request({ foreign }) {
      const [row] = await db.insert(personalDataExports).values({ userId: foreign.userId, status: "ready", storageKey: `exports/personal/${foreign.userId}/x`, expiresAt: new Date(Date.now() + EXPORT_TTL_MS) }).returning();
      // Someone else's export without its signature: the id alone opens nothing.
      const url = `http://localhost:3000${personalExportPath(row.id, "json")}?expires=${Math.floor(Date.now() / 1000) + 3600}&sig=forged`;
      return { params: { id: row.id, format: "json" }, url };
    },
  },
];

export const exempt: Exempt = {
  "lib/privacy/actions.ts#requestPersonalDataExportAction": "acts on the caller's own account only; takes no ids",
  "lib/privacy/actions.ts#requestAccountDeletionAction": "acts on the caller's own account only, confirmed by their own email address",
  "lib/privacy/actions.ts#cancelAccountDeletionAction": "acts on the caller's own account only; takes no ids",
};

export const fuzzCases: FuzzCase[] = [
  { target: "lib/privacy/actions.ts#requestAccountDeletionAction", input: async () => ({ confirm: "not-my-address@example.test" }) },
  { target: "lib/privacy/actions.ts#cancelAccountDeletionAction", input: async () => ({ unused: "x" }) },
];

export const fuzzExempt: Exempt = {
  "lib/privacy/actions.ts#requestPersonalDataExportAction": "reads no field at all; every call asks for a new export of the caller's own data, which writes by design",
};
