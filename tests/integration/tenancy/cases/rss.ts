import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { db } from "@/db/client";
import { rssFeeds } from "@/db/schema";
import type { Actor, CrossOrgActionCase } from "../types";

const foreignFeed = async (foreign: Actor) =>
  (await db.insert(rssFeeds).values({ organizationId: foreign.org.id, url: `http://127.0.0.2:9/${foreign.org.slug}.xml`, enabled: true }).returning())[0];

const stillThere = async (foreign: Actor) => {
  const [feed] = await db.select().from(rssFeeds).where(eq(rssFeeds.organizationId, foreign.org.id));
  expect(feed).toMatchObject({ enabled: true, lastFetchedAt: null });
};

export const actionCases: CrossOrgActionCase[] = [
  {
    action: "lib/rss/actions.ts#addRssFeedAction",
    input: async ({ foreign }) => ({ org: foreign.org.slug, url: "http://127.0.0.2:9/feed.xml" }),
    async unchanged({ foreign }) {
      expect(await db.select().from(rssFeeds).where(eq(rssFeeds.organizationId, foreign.org.id))).toEqual([]);
    },
  },
  {
    action: "lib/rss/actions.ts#removeRssFeedAction",
    input: async ({ own, foreign }) => ({ org: own.org.slug, feedId: (await foreignFeed(foreign)).id }),
    unchanged: ({ foreign }) => stillThere(foreign),
  },
  {
    action: "lib/rss/actions.ts#setRssFeedEnabledAction",
    input: async ({ own, foreign }) => ({ org: own.org.slug, feedId: (await foreignFeed(foreign)).id, enabled: false }),
    unchanged: ({ foreign }) => stillThere(foreign),
  },
  {
    action: "lib/rss/actions.ts#importRssFeedNowAction",
    input: async ({ own, foreign }) => ({ org: own.org.slug, feedId: (await foreignFeed(foreign)).id }),
    unchanged: ({ foreign }) => stillThere(foreign),
  },
];
