import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { db } from "@/db/client";
import { shareReminders, shares, trackedLinks } from "@/db/schema";
import { createFeedPost } from "@/tests/integration/feed/fixtures";
import type { Actor, CrossOrgActionCase } from "../types";

// Each case names the caller's own workspace and another organisation's published post.
const foreignPosts = new WeakMap<Actor, string>();

async function foreignPost(foreign: Actor) {
  const post = await createFeedPost(foreign.org, { linkUrl: "https://example.org/" });
  foreignPosts.set(foreign, post.id);
  return post.id;
}

async function nothingCreatedFor(foreign: Actor) {
  const postId = foreignPosts.get(foreign)!;
  expect(await db.select().from(trackedLinks).where(eq(trackedLinks.postId, postId))).toEqual([]);
  expect(await db.select().from(shares).where(eq(shares.postId, postId))).toEqual([]);
  expect(await db.select().from(shareReminders).where(eq(shareReminders.postId, postId))).toEqual([]);
}

export const actionCases: CrossOrgActionCase[] = [
  {
    action: "lib/shares/actions.ts#sharePostAction",
    input: async ({ own, foreign }) => ({ org: own.org.slug, postId: await foreignPost(foreign), network: "linkedin", locale: "fr" }),
    unchanged: ({ foreign }) => nothingCreatedFor(foreign),
  },
  {
    action: "lib/shares/actions.ts#remindToShareAction",
    input: async ({ own, foreign }) => ({ org: own.org.slug, postId: await foreignPost(foreign), remindAt: new Date(Date.now() + 3600_000).toISOString() }),
    unchanged: ({ foreign }) => nothingCreatedFor(foreign),
  },
];
