import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { db } from "@/db/client";
import { media } from "@/db/schema";
import { createStoredImage, pngBytes } from "@/tests/integration/media/fixtures";
import type { CrossOrgActionCase, CrossOrgRouteCase } from "../types";

export const actionCases: CrossOrgActionCase[] = [
  {
    action: "lib/media/actions.ts#uploadMediaAction",
    async input({ foreign }) {
      const form = new FormData();
      form.set("org", foreign.org.slug);
      form.set("file", new File([await pngBytes()], "photo.png", { type: "image/png" }));
      return form;
    },
    async unchanged({ foreign }) {
      expect(await db.select().from(media).where(eq(media.organizationId, foreign.org.id))).toEqual([]);
    },
  },
];

export const routeCases: CrossOrgRouteCase[] = [
  {
    route: "app/media/[id]/route.ts#GET",
    async request({ foreign }) {
      const draftMedia = await createStoredImage(foreign.org);
      return { params: { id: draftMedia.id }, url: `http://localhost:3000/media/${draftMedia.id}` };
    },
  },
];
