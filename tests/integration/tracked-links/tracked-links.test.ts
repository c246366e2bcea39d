import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { shares, trackedLinks, users } from "@/db/schema";
import { getRedis } from "@/lib/redis";
import { sharePostAction } from "@/lib/shares/actions";
import { linkKeys, linksConfig } from "@/lib/tracked-links/config";
import { createGroup, createMember, createOrg } from "@/tests/factories";
import { createFeedPost } from "@/tests/integration/feed/fixtures";
import { actAs } from "@/tests/setup/request-context";

async function staffWithPost(postOptions: Parameters<typeof createFeedPost>[1] = {}) {
  const org = await createOrg();
  const member = await createMember(org, { role: "staff" });
  const post = await createFeedPost(org, { linkUrl: "https://example.org/article", ...postOptions });
  await actAs(member.user.id);
  return { org, member, post };
}

describe("tracked links and shares", () => {
  it("twenty concurrent taps on one button make one tracked link and twenty shares", async () => {
    const { org, member, post } = await staffWithPost();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => sharePostAction({ org: org.slug, postId: post.id, network: "linkedin", locale: "fr" })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const links = new Set(results.map((r) => (r.ok ? r.data.link : null)));
    expect(links.size).toBe(1);
    const rows = await db.select().from(trackedLinks).where(eq(trackedLinks.postId, post.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ organizationId: org.id, membershipId: member.membership.id, network: "linkedin" });
    const [{ n }] = await db.select({ n: count() }).from(shares).where(and(eq(shares.linkId, rows[0].id), eq(shares.membershipId, member.membership.id)));
    expect(n).toBe(20);
  });

  it("gives each network, and each member, a link of its own", async () => {
    const { org, post } = await staffWithPost();
    const first = await sharePostAction({ org: org.slug, postId: post.id, network: "linkedin", locale: "fr" });
    const otherNetwork = await sharePostAction({ org: org.slug, postId: post.id, network: "x", locale: "fr" });
    const colleague = await createMember(org, { role: "advocate" });
    await actAs(colleague.user.id);
    const otherMember = await sharePostAction({ org: org.slug, postId: post.id, network: "linkedin", locale: "fr" });
    const codes = [first, otherNetwork, otherMember].map((r) => (r.ok ? r.data.link : r.code));
    expect(new Set(codes).size).toBe(3);
    for (const link of codes) expect(link).toMatch(/^http:\/\/localhost:3000\/l\/[0-9A-Za-z]{10}$/);
  });

  it("answers LinkedIn's share URL carrying the caption and the tracked link", async () => {
    const { org, post } = await staffWithPost({ variants: { fr: { title: "Titre", captions: { linkedin: "Fière de partager #AuDelà" } } } });
    const result = await sharePostAction({ org: org.slug, postId: post.id, network: "linkedin", locale: "fr" });
    if (!result.ok) throw new Error(result.code);
    expect(result.data.intent.kind).toBe("open");
    const url = new URL((result.data.intent as { url: string }).url);
    expect(url.hostname).toBe("www.linkedin.com");
    expect(url.searchParams.get("text")).toBe(`Fière de partager #AuDelà\n\n${result.data.link}`);
  });

  it("puts a new link in Redis so the first click needs no database", async () => {
    const { org, post } = await staffWithPost({ linkUrl: "https://example.org/a?x=1" });
    const result = await sharePostAction({ org: org.slug, postId: post.id, network: "bluesky", locale: "fr" });
    if (!result.ok) throw new Error(result.code);
    const code = result.data.link.split("/l/")[1];
    const cached = await getRedis().hgetall(linkKeys(linksConfig().QUEUE_PREFIX).link(code));
    expect(cached).toMatchObject({ org: org.id, post: post.id });
    expect(cached.url).toBe(`https://example.org/a?x=1&utm_source=bluesky&utm_medium=advocacy&utm_content=${post.id}`);
  });

  it("refuses a post meant for a group the member is not in, as if it did not exist", async () => {
    const org = await createOrg();
    const group = await createGroup(org);
    const member = await createMember(org, { role: "staff" });
    const post = await createFeedPost(org, { groupIds: [group.id] });
    await actAs(member.user.id);
    expect(await sharePostAction({ org: org.slug, postId: post.id, network: "linkedin", locale: "fr" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await db.select().from(trackedLinks).where(eq(trackedLinks.postId, post.id))).toHaveLength(0);
  });

  it("refuses a post that is not published", async () => {
    const { org, post } = await staffWithPost({ status: "draft", publishedAt: null });
    expect(await sharePostAction({ org: org.slug, postId: post.id, network: "x", locale: "fr" })).toMatchObject({ ok: false, code: "not_found" });
  });

  it("asks for the Mastodon server once, then remembers it", async () => {
    const { org, member, post } = await staffWithPost();
    expect(await sharePostAction({ org: org.slug, postId: post.id, network: "mastodon", locale: "fr" })).toMatchObject({ ok: false, code: "bad_request" });
    const first = await sharePostAction({ org: org.slug, postId: post.id, network: "mastodon", locale: "fr", mastodonInstance: "https://MSTDN.ca/" });
    expect(first.ok && (first.data.intent as { url: string }).url.startsWith("https://mstdn.ca/share?text=")).toBe(true);
    const [user] = await db.select({ instance: users.mastodonInstance }).from(users).where(eq(users.id, member.user.id));
    expect(user.instance).toBe("mstdn.ca");
    const again = await sharePostAction({ org: org.slug, postId: post.id, network: "mastodon", locale: "fr" });
    expect(again.ok && (again.data.intent as { url: string }).url.startsWith("https://mstdn.ca/share?text=")).toBe(true);
  });

  it("refuses a Mastodon server name that is not one", async () => {
    const { org, post } = await staffWithPost();
    const result = await sharePostAction({ org: org.slug, postId: post.id, network: "mastodon", locale: "fr", mastodonInstance: "javascript:alert(1)" });
    expect(result).toMatchObject({ ok: false, code: "bad_request", fieldErrors: { mastodonInstance: expect.any(Array) } });
  });
});
