import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { clicks, posts } from "@/db/schema";
import { getRedis } from "@/lib/redis";
import { syncLinkCache } from "@/lib/tracked-links/cache";
import { linkKeys } from "@/lib/tracked-links/config";
import { CHROME, clickCounts, filteredCounts, FIREFOX, hit, sharedLink, startLinkPipeline } from "./support";

let pipeline: Awaited<ReturnType<typeof startLinkPipeline>> | undefined;
afterEach(async () => {
  await pipeline?.close();
  pipeline = undefined;
});

describe("the /l/<code> redirect", () => {
  it("sends a 302 to the destination with UTM added and its own parameters kept", async () => {
    pipeline = await startLinkPipeline();
    const { code, post, campaign } = await sharedLink({ linkUrl: "https://example.org/article?ref=home&utm_source=old#top" });
    const response = await hit(`${pipeline.base}/l/${code}`);
    expect(response.status).toBe(302);
    expect(response.location).toBe(
      `https://example.org/article?ref=home&utm_source=linkedin&utm_medium=advocacy&utm_campaign=${campaign!.slug}&utm_content=${post.id}#top`,
    );
  });

  it("sends a post without an external link to its public page", async () => {
    pipeline = await startLinkPipeline();
    const { code, post } = await sharedLink({ linkUrl: null });
    expect((await hit(`${pipeline.base}/l/${code}`)).location).toBe(`http://localhost:3000/p/${post.id}`);
  });

  it("answers an unknown code with a friendly 404 page in the visitor's language", async () => {
    pipeline = await startLinkPipeline();
    const french = await hit(`${pipeline.base}/l/Zz9Zz9Zz9Z`, { headers: { "accept-language": "fr-CA,fr;q=0.9" } });
    expect(french.status).toBe(404);
    expect(french.body).toContain('lang="fr"');
    expect(french.body).toContain("Ce lien ne mène nulle part");
    const english = await hit(`${pipeline.base}/l/Zz9Zz9Zz9Z`, { headers: { "accept-language": "en-US,en;q=0.9" } });
    expect(english.body).toContain("This link leads nowhere");
  });

  it("answers a malformed code with the same 404, without a lookup", async () => {
    pipeline = await startLinkPipeline();
    for (const path of ["/l/", "/l/short", "/l/..%2F..%2Fetc", "/l/has-dash-in-it"]) expect((await hit(`${pipeline.base}${path}`)).status).toBe(404);
  });

  it("reads a code Redis does not know from PostgreSQL and puts it back in Redis", async () => {
    pipeline = await startLinkPipeline();
    const { code } = await sharedLink();
    const key = linkKeys(pipeline.prefix).link(code);
    expect(await getRedis().exists(key)).toBe(0);
    const response = await hit(`${pipeline.base}/l/${code}`);
    expect(response.status).toBe(302);
    await expect.poll(() => getRedis().hget(key, "url")).toBe(response.location);
  });

  it("follows a destination a lead edited once the link cache sync has run", async () => {
    pipeline = await startLinkPipeline({ LINK_CACHE_TTL_MS: 50 });
    const { code, post } = await sharedLink({ linkUrl: "https://example.org/old" });
    const keys = linkKeys(pipeline.prefix);
    await syncLinkCache(getRedis(), keys, "http://localhost:3000");
    expect((await hit(`${pipeline.base}/l/${code}`)).location).toMatch(/^https:\/\/example\.org\/old\?/);
    await db.update(posts).set({ linkUrl: "https://example.org/new" }).where(eq(posts.id, post.id));
    const { written } = await syncLinkCache(getRedis(), keys, "http://localhost:3000");
    expect(written).toBeGreaterThanOrEqual(1);
    await new Promise((r) => setTimeout(r, 60));
    // The stale entry is served once while it is refreshed in the background.
    const url = `${pipeline.base}/l/${code}`;
    await hit(url);
    await expect.poll(async () => (await hit(url)).location).toMatch(/^https:\/\/example\.org\/new\?/);
  });

  it("never redirects anywhere but the destination saved on the post", async () => {
    pipeline = await startLinkPipeline();
    const { code } = await sharedLink({ linkUrl: "https://example.org/" });
    const response = await hit(`${pipeline.base}/l/${code}?url=https://evil.example/&next=//evil.example`);
    expect(new URL(response.location!).hostname).toBe("example.org");
  });
});

describe("click counting", () => {
  it("records preview crawlers, HEAD requests and prefetches with their reason, redirects them, and counts none of them", async () => {
    pipeline = await startLinkPipeline();
    const { code, link } = await sharedLink();
    const url = `${pipeline.base}/l/${code}`;
    const notClicks = await Promise.all([
      hit(url, { headers: { "user-agent": "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)" } }),
      hit(url, { headers: { "user-agent": "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)" } }),
      hit(url, { headers: { "user-agent": "Mozilla/5.0 (compatible; Bluesky Cardyb/1.1; +mailto:support@bsky.app)" } }),
      hit(url, { headers: { "user-agent": "http.rb/5.1.1 (Mastodon/4.2.1; +https://mastodon.social/)" } }),
      hit(url, { headers: { "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" } }),
      hit(url, { headers: { "user-agent": "" } }),
      hit(url, { method: "HEAD" }),
      hit(url, { headers: { "sec-purpose": "prefetch" } }),
      hit(url, { headers: { purpose: "prefetch" } }),
      hit(url, { headers: { "x-moz": "prefetch" } }),
    ]);
    for (const response of notClicks) expect(response.status).toBe(302);
    await hit(url);
    await pipeline.settle();
    expect(await clickCounts(link.id)).toEqual({ human: 1, unique: 1 });
    expect(await filteredCounts(link.id)).toEqual({ preview: 4, bot: 2, head: 1, prefetch: 3 });
  });

  it("files the same visitor's second click as a repeat, and another browser behind the same address as a click but not a new visitor", async () => {
    pipeline = await startLinkPipeline();
    const { code, link } = await sharedLink();
    const url = `${pipeline.base}/l/${code}`;
    await hit(url, { headers: { "user-agent": CHROME } });
    await hit(url, { headers: { "user-agent": CHROME } });
    await pipeline.settle();
    expect(await clickCounts(link.id)).toEqual({ human: 1, unique: 1 });
    expect(await filteredCounts(link.id)).toEqual({ repeat: 1 });
    await hit(url, { headers: { "user-agent": FIREFOX } });
    await pipeline.settle();
    expect(await clickCounts(link.id)).toEqual({ human: 2, unique: 1 });
  });

  it("keeps a click's country, device class, browser family and referring domain, and no address", async () => {
    pipeline = await startLinkPipeline({ TRUSTED_COUNTRY_HEADER: "CF-IPCountry" });
    const { code, link, org, post, campaign, member } = await sharedLink({ network: "whatsapp" });
    await hit(`${pipeline.base}/l/${code}`, { headers: { "cf-ipcountry": "CA", referer: "https://www.linkedin.com/feed/update/urn:li:activity:1?x=secret" } });
    await pipeline.settle();
    const [click] = await db.select().from(clicks).where(eq(clicks.linkId, link.id));
    expect(click).toMatchObject({
      organizationId: org.id,
      postId: post.id,
      campaignId: campaign!.id,
      membershipId: member.membership.id,
      network: "whatsapp",
      country: "CA",
      deviceClass: "mobile",
      browserFamily: "Chrome",
      referrerDomain: "www.linkedin.com",
      isUnique: true,
    });
    expect(Math.abs(click.clickedAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(click.visitorHash).toMatch(/^[\w-]{22}$/);
    expect(JSON.stringify(click)).not.toContain("127.0.0.1");
  });

  it("ignores a country header it was not told to trust", async () => {
    pipeline = await startLinkPipeline();
    const { code, link } = await sharedLink();
    await hit(`${pipeline.base}/l/${code}`, { headers: { "cf-ipcountry": "FR" } });
    await pipeline.settle();
    const [click] = await db.select().from(clicks).where(eq(clicks.linkId, link.id));
    expect(click.country).toBeNull();
  });
});
