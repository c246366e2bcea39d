import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { db } from "@/db/client";
import { organizations } from "@/db/schema";
import type { CrossOrgActionCase } from "../types";

export const actionCases: CrossOrgActionCase[] = [
  {
    action: "lib/link-preview/actions.ts#fetchLinkPreviewAction",
    // Refused at the door, before any request leaves the server.
    input: async ({ foreign }) => ({ org: foreign.org.slug, url: "https://example.com/" }),
  },
  {
    action: "lib/link-preview/actions.ts#setAllowPrivateLinkPreviewsAction",
    input: async ({ foreign }) => ({ org: foreign.org.slug, allow: true }),
    async unchanged({ foreign }) {
      const [org] = await db.select().from(organizations).where(eq(organizations.id, foreign.org.id));
      expect(org.allowPrivateLinkPreviews).toBe(false);
    },
  },
];
