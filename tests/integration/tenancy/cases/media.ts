import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { db } from "@/db/client";
import { media } from "@/db/schema";
import { createStoredImage, pngBytes } from "@/tests/integration/media/fixtures";
import type { CrossOrgActionCase, CrossOrgRouteCase } from "../types";

export const actionCases: CrossOrgActionCase[] = [];

export const routeCases: CrossOrgRouteCase[] = [
  {
    // Uploading into another organisation by naming its slug.
    route: "app/api/orgs/[org]/media/route.ts#POST",
    async request({ foreign }) {
      expect(await db.select().from(media).where(eq(media.organizationId, foreign.org.id))).toEqual([]);
      return { params: { org: foreign.org.slug }, init: { body: new Blob([await pngBytes()], { type: "image/png" }), headers: { "content-type": "image/png" } }, url: `http://localhost:3000/api/orgs/${foreign.org.slug}/media` };
    },
  },
  {
    route: "app/media/[id]/route.ts#GET",
    async request({ foreign }) {
      const draftMedia = await createStoredImage(foreign.org);
      return { params: { id: draftMedia.id }, url: `http://localhost:3000/media/${draftMedia.id}` };
    },
  },
];
