import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { db } from "@/db/client";
import { organizationLogos, organizations } from "@/db/schema";
import { PNG_1PX, storeLogo } from "@/tests/integration/organizations/fixtures";
import type { Actor, CrossOrgActionCase, CrossOrgRouteCase } from "../types";

// Settings take no ids: the attack is naming another organisation's slug.
async function logoCount(foreign: Actor) {
  return (await db.select().from(organizationLogos).where(eq(organizationLogos.organizationId, foreign.org.id))).length;
}

export const actionCases: CrossOrgActionCase[] = [
  {
    action: "lib/organizations/actions.ts#updateOrganizationSettingsAction",
    async input({ foreign }) {
      const form = new FormData();
      for (const [k, v] of Object.entries({ org: foreign.org.slug, name: "Pris", slug: "pris-en-otage", defaultLocale: "en", brandColor: "#000000", timeZone: "Europe/Paris" })) {
        form.set(k, v);
      }
      return form;
    },
    async unchanged({ foreign }) {
      const [org] = await db.select().from(organizations).where(eq(organizations.id, foreign.org.id));
      expect(org).toMatchObject({ name: foreign.org.name, slug: foreign.org.slug, timeZone: foreign.org.timeZone });
    },
  },
  {
    action: "lib/organizations/actions.ts#removeOrganizationLogoAction",
    async input({ foreign }) {
      await storeLogo(foreign.org);
      return { org: foreign.org.slug };
    },
    async unchanged({ foreign }) {
      expect(await logoCount(foreign)).toBe(1);
    },
  },
];

export const routeCases: CrossOrgRouteCase[] = [
  {
    route: "app/api/orgs/[org]/logo/route.ts#GET",
    async request({ foreign }) {
      await storeLogo(foreign.org);
      return { params: { org: foreign.org.slug }, url: `http://localhost:3000/api/orgs/${foreign.org.slug}/logo` };
    },
  },
  {
    // Uploading a logo into another organisation by naming its slug.
    route: "app/api/orgs/[org]/logo/route.ts#POST",
    async request({ foreign }) {
      expect(await logoCount(foreign)).toBe(0);
      return { params: { org: foreign.org.slug }, init: { body: new Blob([PNG_1PX], { type: "image/png" }), headers: { "content-type": "image/png" } }, url: `http://localhost:3000/api/orgs/${foreign.org.slug}/logo` };
    },
  },
];
