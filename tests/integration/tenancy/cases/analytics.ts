import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { db } from "@/db/client";
import { analyticsRates, memberAudiences, reportLinks } from "@/db/schema";
import { createCampaign } from "@/tests/integration/feed/fixtures";
import type { Actor, CrossOrgActionCase, CrossOrgRouteCase } from "../types";

const foreignCampaigns = new WeakMap<Actor, string>();

async function foreignCampaign(foreign: Actor) {
  const campaign = await createCampaign(foreign.org);
  foreignCampaigns.set(foreign, campaign.id);
  return campaign.id;
}

async function foreignReportLink(foreign: Actor) {
  const [link] = await db
    .insert(reportLinks)
    .values({ organizationId: foreign.org.id, campaignId: await foreignCampaign(foreign), tokenHash: `hash-${foreign.org.id}`, expiresAt: new Date(Date.now() + 86_400_000) })
    .returning();
  return link.id;
}

export const actionCases: CrossOrgActionCase[] = [
  {
    action: "lib/analytics/actions.ts#createReportLinkAction",
    input: async ({ own, foreign }) => ({ org: own.org.slug, campaignId: await foreignCampaign(foreign), days: 30 }),
    unchanged: async ({ foreign }) => {
      expect(await db.select().from(reportLinks).where(eq(reportLinks.organizationId, foreign.org.id))).toEqual([]);
    },
  },
  {
    action: "lib/analytics/actions.ts#revokeReportLinkAction",
    input: async ({ own, foreign }) => ({ org: own.org.slug, id: await foreignReportLink(foreign) }),
    unchanged: async ({ foreign }) => {
      const [link] = await db.select().from(reportLinks).where(eq(reportLinks.organizationId, foreign.org.id));
      expect(link.revokedAt).toBeNull();
    },
  },
  {
    action: "lib/analytics/actions.ts#updateRatesAction",
    input: async ({ foreign }) => ({ org: foreign.org.slug, network: "linkedin", defaultAudience: 1, viewRate: 0.5, cpm: 1, cpc: 1 }),
    unchanged: async ({ foreign }) => {
      expect(await db.select().from(analyticsRates).where(eq(analyticsRates.organizationId, foreign.org.id))).toEqual([]);
    },
  },
  {
    action: "lib/analytics/actions.ts#declareAudienceAction",
    input: async ({ foreign }) => ({ org: foreign.org.slug, network: "linkedin", followers: 10 }),
    unchanged: async ({ foreign }) => {
      expect(await db.select().from(memberAudiences).where(eq(memberAudiences.organizationId, foreign.org.id))).toEqual([]);
    },
  },
];

export const routeCases: CrossOrgRouteCase[] = [
  {
    route: "app/api/orgs/[org]/analytics/export/route.ts#GET",
    async request({ own, foreign }) {
      const campaign = await foreignCampaign(foreign);
      return { params: { org: own.org.slug }, url: `http://localhost:3000/api/orgs/${own.org.slug}/analytics/export?table=clicks&campaign=${campaign}` };
    },
  },
];
