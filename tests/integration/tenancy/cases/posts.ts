import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { db } from "@/db/client";
import { posts } from "@/db/schema";
import { createPost } from "@/tests/factories/campaigns";
import type { Actor, CrossOrgActionCase } from "../types";

// Another organisation's post, as it was: each case checks it did not move.
const theirPost = (foreign: Actor) => createPost(foreign.org, { status: "draft", titles: { fr: "La leur" }, publishAt: new Date(Date.now() + 3600_000) });
async function stillDraft({ foreign }: { foreign: Actor }) {
  const rows = await db.select().from(posts).where(eq(posts.organizationId, foreign.org.id));
  expect(rows.map((p) => [p.status, p.pinned])).toEqual([["draft", false]]);
}

export const actionCases: CrossOrgActionCase[] = [
  {
    action: "lib/posts/actions.ts#savePostAction",
    async input({ own, foreign }) {
      const post = await theirPost(foreign);
      return { org: own.org.slug, id: post.id, kind: "text", variants: { fr: { title: "Volée" } } };
    },
    unchanged: stillDraft,
  },
  {
    action: "lib/posts/actions.ts#transitionPostAction",
    async input({ own, foreign }) {
      return { org: own.org.slug, id: (await theirPost(foreign)).id, transition: "submit" };
    },
    unchanged: stillDraft,
  },
  {
    action: "lib/posts/actions.ts#reschedulePostAction",
    async input({ own, foreign }) {
      return { org: own.org.slug, id: (await theirPost(foreign)).id, publishAt: "2030-01-01T10:00" };
    },
    async unchanged({ foreign }) {
      const [post] = await db.select().from(posts).where(eq(posts.organizationId, foreign.org.id));
      expect(post.publishAt!.getUTCFullYear()).not.toBe(2030);
    },
  },
  {
    action: "lib/posts/actions.ts#setPostPinnedAction",
    async input({ own, foreign }) {
      return { org: own.org.slug, id: (await theirPost(foreign)).id, pinned: true };
    },
    unchanged: stillDraft,
  },
  {
    action: "lib/posts/actions.ts#deletePostAction",
    async input({ own, foreign }) {
      return { org: own.org.slug, id: (await theirPost(foreign)).id };
    },
    unchanged: stillDraft,
  },
];
