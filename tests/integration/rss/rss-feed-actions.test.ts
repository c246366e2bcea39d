import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { campaigns, rssFeeds } from "@/db/schema";
import { addRssFeedAction, importRssFeedNowAction, removeRssFeedAction, setRssFeedEnabledAction } from "@/lib/rss/actions";
import { createMember, createOrg, unique } from "@/tests/factories";
import { useWorker } from "@/tests/setup/jobs";
import { actAs } from "@/tests/setup/request-context";
import { importRssFeedJob } from "@/lib/rss/jobs";

// Queued imports run here; the address is loopback, so they are refused without leaving the machine.
useWorker([importRssFeedJob], ["imports"]);
const FEED_URL = "http://127.0.0.2:9/feed.xml";

async function asRole(role: "lead" | "staff" = "lead") {
  const org = await createOrg();
  const { user } = await createMember(org, { role });
  await actAs(user.id);
  return org;
}

async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean) {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (ok(value)) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("timed out");
}

describe("managing RSS feeds", () => {
  it("a lead adds a feed in a language and its first import runs at once", async () => {
    const org = await asRole();

    const result = await addRssFeedAction({ org: org.slug, url: FEED_URL, locale: "en" });

    expect(result).toMatchObject({ ok: true });
    const feed = await waitFor(
      async () => (await db.select().from(rssFeeds).where(eq(rssFeeds.organizationId, org.id)))[0],
      (f) => f?.lastFetchedAt != null,
    );
    expect(feed).toMatchObject({ url: FEED_URL, locale: "en", enabled: true, lastError: "blocked_address" });
  });

  it("the same feed cannot be added twice", async () => {
    const org = await asRole();
    await addRssFeedAction({ org: org.slug, url: FEED_URL });

    expect(await addRssFeedAction({ org: org.slug, url: FEED_URL })).toEqual({ ok: false, code: "conflict" });
  });

  it("refuses an address that is not a web feed URL", async () => {
    const org = await asRole();

    expect(await addRssFeedAction({ org: org.slug, url: "javascript:alert(1)" })).toEqual({ ok: false, code: "bad_request", fieldErrors: { url: ["rss_url_invalid"] } });
  });

  it("files imported drafts under a campaign of the organisation only", async () => {
    const org = await asRole();
    const other = await createOrg();
    const [foreign] = await db.insert(campaigns).values({ organizationId: other.id, name: "Ailleurs", slug: unique("c-") }).returning();

    expect(await addRssFeedAction({ org: org.slug, url: FEED_URL, campaignId: foreign.id })).toEqual({ ok: false, code: "not_found" });
    expect(await db.select().from(rssFeeds).where(eq(rssFeeds.organizationId, org.id))).toEqual([]);
  });

  it("a lead disables, re-enables and removes a feed", async () => {
    const org = await asRole();
    const added = await addRssFeedAction({ org: org.slug, url: FEED_URL });
    const feedId = (added as { data: { id: string } }).data.id;

    await setRssFeedEnabledAction({ org: org.slug, feedId, enabled: false });
    expect((await db.select().from(rssFeeds).where(eq(rssFeeds.id, feedId)))[0].enabled).toBe(false);
    await setRssFeedEnabledAction({ org: org.slug, feedId, enabled: "on" });
    expect((await db.select().from(rssFeeds).where(eq(rssFeeds.id, feedId)))[0].enabled).toBe(true);
    expect(await removeRssFeedAction({ org: org.slug, feedId })).toMatchObject({ ok: true });
    expect(await db.select().from(rssFeeds).where(eq(rssFeeds.id, feedId))).toEqual([]);
  });

  it("import now queues an import of that feed", async () => {
    const org = await asRole();
    const [feed] = await db.insert(rssFeeds).values({ organizationId: org.id, url: FEED_URL }).returning();

    expect(await importRssFeedNowAction({ org: org.slug, feedId: feed.id })).toEqual({ ok: true, data: { id: feed.id } });
    await waitFor(
      async () => (await db.select().from(rssFeeds).where(eq(rssFeeds.id, feed.id)))[0],
      (f) => f.lastFetchedAt != null,
    );
  });

  it("a staff member may not manage feeds", async () => {
    const org = await asRole("staff");

    expect(await addRssFeedAction({ org: org.slug, url: FEED_URL })).toEqual({ ok: false, code: "forbidden" });
  });
});
