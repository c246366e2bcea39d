import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { posts, postVariants, rssEntries, rssFeeds } from "@/db/schema";
import { createOrg } from "@/tests/factories";
import { useWorker } from "@/tests/setup/jobs";
import { importRssFeedJob } from "@/lib/rss/jobs";
import { startBlog, type Entry } from "./feed-server";

const worker = useWorker([importRssFeedJob], ["imports"]);

const first: Entry = { guid: "post-1", slug: "semaine-1", title: "Semaine 1 : le travail décent", summary: "Le thème de la semaine.", date: "2026-11-02T12:00:00Z" };
const second: Entry = { guid: "post-2", slug: "semaine-2", title: "Semaine 2 : les salaires", summary: "Parlons salaires.", date: "2026-11-09T12:00:00Z" };
const third: Entry = { guid: "post-3", slug: "semaine-3", title: "Semaine 3 : la conciliation", summary: "Travail et famille.", date: "2026-11-16T12:00:00Z" };

// The blog runs on loopback, so the operator allows that address (as for an intranet blog).
async function feedOf(url: string, values: Partial<typeof rssFeeds.$inferInsert> = {}, operatorAllowsLoopback = true) {
  if (operatorAllowsLoopback) process.env.PRIVATE_FETCH_ALLOW_LIST = "127.0.0.2";
  else delete process.env.PRIVATE_FETCH_ALLOW_LIST;
  const org = await createOrg();
  const [feed] = await db.insert(rssFeeds).values({ organizationId: org.id, url, locale: "fr", ...values }).returning();
  return { org, feed };
}

async function draftsOf(orgId: string) {
  return db
    .select({ id: posts.id, kind: posts.kind, status: posts.status, linkUrl: posts.linkUrl, linkPreview: posts.linkPreview, title: postVariants.title, body: postVariants.body, locale: postVariants.locale })
    .from(posts)
    .innerJoin(postVariants, eq(postVariants.postId, posts.id))
    .where(eq(posts.organizationId, orgId))
    .orderBy(posts.createdAt);
}

const run = (orgId: string, feedId: string) => worker.run(importRssFeedJob, { orgId, feedId });

describe("RSS and Atom import", () => {
  it("turns each entry into a draft link post with its title, summary and preview", async () => {
    const blog = await startBlog({ entries: [second, first] });
    const { org, feed } = await feedOf(blog.feedUrl);

    await run(org.id, feed.id);

    const drafts = await draftsOf(org.id);
    expect(drafts).toHaveLength(2);
    expect(drafts[0]).toMatchObject({ kind: "link", status: "draft", linkUrl: `${blog.origin}/semaine-1`, title: first.title, body: "Le thème de la semaine.", locale: "fr" });
    expect(drafts[0].linkPreview).toMatchObject({ title: first.title, imageUrl: `${blog.origin}/img/semaine-1.png` });
  });

  it("importing the same feed twice creates each draft once", async () => {
    const blog = await startBlog({ entries: [first, second] });
    const { org, feed } = await feedOf(blog.feedUrl);

    await run(org.id, feed.id);
    await run(org.id, feed.id);

    expect(await draftsOf(org.id)).toHaveLength(2);
  });

  it("a new entry later becomes one more draft", async () => {
    const blog = await startBlog({ entries: [first, second] });
    const { org, feed } = await feedOf(blog.feedUrl);
    await run(org.id, feed.id);

    blog.state.entries = [third, second, first];
    await run(org.id, feed.id);

    const drafts = await draftsOf(org.id);
    expect(drafts).toHaveLength(3);
    expect(drafts[2].title).toBe(third.title);
  });

  it("two imports of the same feed at the same time still create each draft once", async () => {
    const blog = await startBlog({ entries: [first, second, third] });
    const { org, feed } = await feedOf(blog.feedUrl);

    await Promise.all([run(org.id, feed.id), run(org.id, feed.id)]);

    expect(await draftsOf(org.id)).toHaveLength(3);
    expect(await db.select().from(rssEntries).where(eq(rssEntries.feedId, feed.id))).toHaveLength(3);
  });

  it("reads Atom feeds, knowing entries by their id", async () => {
    const blog = await startBlog({ format: "atom", entries: [first, second] });
    const { org, feed } = await feedOf(blog.feedUrl, { locale: "en" });

    await run(org.id, feed.id);
    await run(org.id, feed.id);

    const drafts = await draftsOf(org.id);
    expect(drafts.map((d) => d.title)).toEqual([first.title, second.title]);
    expect(drafts[0].locale).toBe("en");
    expect((await db.select().from(rssEntries).where(eq(rssEntries.feedId, feed.id))).map((e) => e.guid).sort()).toEqual(["post-1", "post-2"]);
  });

  it("knows an entry without a guid by its link", async () => {
    const blog = await startBlog({ entries: [{ ...first, guid: undefined }] });
    const { org, feed } = await feedOf(blog.feedUrl);

    await run(org.id, feed.id);
    await run(org.id, feed.id);

    const entries = await db.select().from(rssEntries).where(eq(rssEntries.feedId, feed.id));
    expect(entries.map((e) => e.guid)).toEqual([`${blog.origin}/semaine-1`]);
    expect(await draftsOf(org.id)).toHaveLength(1);
  });

  it("asks again with the ETag it was given and takes a 304 as nothing new", async () => {
    const blog = await startBlog({ entries: [first], etag: '"v1"' });
    const { org, feed } = await feedOf(blog.feedUrl);
    await run(org.id, feed.id);

    blog.state.entries = [second, first];
    const result = await run(org.id, feed.id);

    expect(blog.state.requests[1]["if-none-match"]).toBe('"v1"');
    expect(blog.state.requests[1]["if-modified-since"]).toBe("Sun, 01 Nov 2026 12:00:00 GMT");
    expect(result).toEqual({ status: "not_modified", created: 0 });
    expect(await draftsOf(org.id)).toHaveLength(1);
  });

  it("records why a feed could not be read and creates nothing", async () => {
    const blog = await startBlog({ entries: [first] });
    const { org, feed } = await feedOf(blog.feedUrl);
    await db.update(rssFeeds).set({ url: `${blog.origin}/missing` }).where(eq(rssFeeds.id, feed.id));

    await run(org.id, feed.id);

    const [row] = await db.select().from(rssFeeds).where(eq(rssFeeds.id, feed.id));
    expect(row.lastError).toBe("http_error");
    expect(row.lastFetchedAt).not.toBeNull();
    expect(await draftsOf(org.id)).toEqual([]);
  });

  it("refuses a feed on a private address unless the operator allows it", async () => {
    const blog = await startBlog({ entries: [first] });
    const { org, feed } = await feedOf(blog.feedUrl, {}, false);

    await run(org.id, feed.id);

    const [row] = await db.select().from(rssFeeds).where(eq(rssFeeds.id, feed.id));
    expect(row.lastError).toBe("blocked_address");
    expect(blog.state.requests).toEqual([]);
  });

  it("leaves a disabled feed alone", async () => {
    const blog = await startBlog({ entries: [first] });
    const { org, feed } = await feedOf(blog.feedUrl, { enabled: false });

    await run(org.id, feed.id);

    expect(blog.state.requests).toEqual([]);
    expect(await db.select().from(rssFeeds).where(eq(rssFeeds.id, feed.id))).toMatchObject([{ lastFetchedAt: null }]);
  });
});
