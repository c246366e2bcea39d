import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { db } from "@/db/client";
import { campaigns, keyMoments } from "@/db/schema";
import { createCampaign, createKeyMoment } from "@/tests/factories/campaigns";
import type { CrossOrgActionCase } from "../types";

const momentInput = { title: "Audience en commission", startsAt: "2026-02-12T09:00" };

export const actionCases: CrossOrgActionCase[] = [
  {
    action: "lib/campaigns/actions.ts#createCampaignAction",
    input: async ({ foreign }) => ({ org: foreign.org.slug, name: "Intruse" }),
    async unchanged({ foreign }) {
      expect(await db.select().from(campaigns).where(eq(campaigns.organizationId, foreign.org.id))).toEqual([]);
    },
  },
  {
    action: "lib/campaigns/actions.ts#updateCampaignAction",
    async input({ own, foreign }) {
      const campaign = await createCampaign(foreign.org, { name: "La leur" });
      return { org: own.org.slug, id: campaign.id, name: "Volée" };
    },
    async unchanged({ foreign }) {
      const rows = await db.select().from(campaigns).where(eq(campaigns.organizationId, foreign.org.id));
      expect(rows.map((c) => c.name)).toEqual(["La leur"]);
    },
  },
  {
    action: "lib/key-moments/actions.ts#createKeyMomentAction",
    async input({ own, foreign }) {
      const campaign = await createCampaign(foreign.org);
      return { org: own.org.slug, campaignId: campaign.id, ...momentInput };
    },
    async unchanged({ foreign }) {
      expect(await db.select().from(keyMoments).where(eq(keyMoments.organizationId, foreign.org.id))).toEqual([]);
    },
  },
  {
    action: "lib/key-moments/actions.ts#updateKeyMomentAction",
    async input({ own, foreign }) {
      const moment = await createKeyMoment(foreign.org, (await createCampaign(foreign.org)).id, { title: "Le leur" });
      return { org: own.org.slug, id: moment.id, ...momentInput };
    },
    async unchanged({ foreign }) {
      const rows = await db.select().from(keyMoments).where(eq(keyMoments.organizationId, foreign.org.id));
      expect(rows.map((m) => m.title)).toEqual(["Le leur"]);
    },
  },
  {
    action: "lib/key-moments/actions.ts#deleteKeyMomentAction",
    async input({ own, foreign }) {
      const moment = await createKeyMoment(foreign.org, (await createCampaign(foreign.org)).id);
      return { org: own.org.slug, id: moment.id };
    },
    async unchanged({ foreign }) {
      expect(await db.select().from(keyMoments).where(eq(keyMoments.organizationId, foreign.org.id))).toHaveLength(1);
    },
  },
];
