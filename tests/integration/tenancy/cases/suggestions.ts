import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { db } from "@/db/client";
import { posts, suggestions } from "@/db/schema";
import type { Actor, CrossOrgActionCase } from "../types";

const theirSuggestion = async (foreign: Actor) =>
  (await db.insert(suggestions).values({ organizationId: foreign.org.id, suggestedBy: foreign.userId, url: "https://example.org/", note: "À partager" }).returning())[0];

async function stillPending({ foreign }: { foreign: Actor }) {
  const rows = await db.select().from(suggestions).where(eq(suggestions.organizationId, foreign.org.id));
  expect(rows.map((s) => s.status)).toEqual(["pending"]);
  expect(await db.select().from(posts).where(eq(posts.organizationId, foreign.org.id))).toEqual([]);
}

export const actionCases: CrossOrgActionCase[] = [
  {
    action: "lib/suggestions/actions.ts#createSuggestionAction",
    input: async ({ foreign }) => ({ org: foreign.org.slug, note: "Intruse" }),
    async unchanged({ foreign }) {
      expect(await db.select().from(suggestions).where(eq(suggestions.organizationId, foreign.org.id))).toEqual([]);
    },
  },
  {
    action: "lib/suggestions/actions.ts#acceptSuggestionAction",
    async input({ own, foreign }) {
      return { org: own.org.slug, id: (await theirSuggestion(foreign)).id };
    },
    unchanged: stillPending,
  },
  {
    action: "lib/suggestions/actions.ts#declineSuggestionAction",
    async input({ own, foreign }) {
      return { org: own.org.slug, id: (await theirSuggestion(foreign)).id };
    },
    unchanged: stillPending,
  },
];
