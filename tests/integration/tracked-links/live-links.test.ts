import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, posts } from "@/db/schema";
import { deletePostAction, savePostAction } from "@/lib/posts/actions";
import { getRedis } from "@/lib/redis";
import { syncLinkCache } from "@/lib/tracked-links/cache";
import { linkKeys } from "@/lib/tracked-links/config";
import { refreshLinkCacheJob } from "@/lib/tracked-links/jobs";
import { createMember } from "@/tests/factories";
import { dispatchOutbox, useWorker } from "@/tests/setup/jobs";
import { actAs } from "@/tests/setup/request-context";
import { moveAs, walk } from "../posts/helpers";
import { hit, sharedLink, startLinkPipeline } from "./support";

// The redirect, the link cache job and the outbox of this file share its queue prefix.
useWorker([refreshLinkCacheJob], ["clicks"]);
let pipeline: Awaited<ReturnType<typeof startLinkPipeline>>;
beforeAll(async () => {
  pipeline = await startLinkPipeline({ QUEUE_PREFIX: process.env.QUEUE_PREFIX });
});
afterAll(async () => {
  await pipeline.close();
});

const destination = async (code: string) => (await hit(`${pipeline.base}/l/${code}`)).location;
const auditOf = (postId: string, action: string) => db.select().from(auditLog).where(and(eq(auditLog.targetId, postId), eq(auditLog.action, action)));

async function sharedPostWithLeads() {
  const shared = await sharedLink({ linkUrl: "https://example.org/avant" });
  const [author, reviewer] = [await createMember(shared.org, { role: "lead" }), await createMember(shared.org, { role: "lead" })];
  return { ...shared, author, reviewer };
}

async function proposeAs(org: { slug: string }, lead: { user: { id: string } }, postId: string, linkUrl: string) {
  await actAs(lead.user.id);
  return savePostAction({ org: org.slug, id: postId, kind: "link", linkUrl, variants: { fr: { title: "Nouvelle adresse" } } });
}

describe("live links", () => {
  it("keeps a shared post's links on their destination while a lead's new one waits for another lead's approval, then follows it", async () => {
    const { org, post, code, author, reviewer } = await sharedPostWithLeads();
    expect(await destination(code)).toMatch(/^https:\/\/example\.org\/avant\?/);

    await walk(org, post.id, [[author, "expire"], [author, "return_to_draft"]]);
    expect(await proposeAs(org, author, post.id, "https://example.org/apres")).toMatchObject({ ok: true });
    const [waiting] = await db.select().from(posts).where(eq(posts.id, post.id));
    expect(waiting).toMatchObject({ linkUrl: "https://example.org/avant", pendingLinkUrl: "https://example.org/apres", pendingLinkBy: author.user.id });
    const [proposed] = await auditOf(post.id, "post.destination_proposed");
    expect(proposed).toMatchObject({ actorUserId: author.user.id, details: { from: "https://example.org/avant", to: "https://example.org/apres" } });

    // Neither the periodic sync nor the events of the edit move the links.
    await syncLinkCache(getRedis(), linkKeys(pipeline.prefix), "http://localhost:3000");
    await dispatchOutbox();
    expect(await destination(code)).toMatch(/^https:\/\/example\.org\/avant\?/);

    await walk(org, post.id, [[author, "submit"]]);
    expect(await moveAs(org, author, post.id, "approve")).toEqual({ ok: false, code: "forbidden" });
    expect(await destination(code)).toMatch(/^https:\/\/example\.org\/avant\?/);

    await walk(org, post.id, [[reviewer, "approve"]]);
    const [approved] = await db.select().from(posts).where(eq(posts.id, post.id));
    expect(approved).toMatchObject({ linkUrl: "https://example.org/apres", pendingLinkUrl: null, pendingLinkAt: null });
    expect(await auditOf(post.id, "post.destination_approved")).toMatchObject([
      { actorUserId: reviewer.user.id, details: { from: "https://example.org/avant", to: "https://example.org/apres", proposedBy: author.user.id } },
    ]);
    await dispatchOutbox();
    // Every redirect process drops its copy at once (no wait for LINK_CACHE_TTL_MS).
    await expect.poll(() => destination(code), { timeout: 15_000 }).toMatch(/^https:\/\/example\.org\/apres\?/);
  });

  it("does not let the lead who proposed a new destination approve it, even when another lead submitted the post", async () => {
    const { org, post, author, reviewer } = await sharedPostWithLeads();
    await walk(org, post.id, [[author, "expire"], [author, "return_to_draft"]]);
    await proposeAs(org, author, post.id, "https://example.org/ailleurs");
    await walk(org, post.id, [[reviewer, "submit"]]);
    expect(await moveAs(org, author, post.id, "approve")).toEqual({ ok: false, code: "forbidden" });
    const admin = await createMember(org, { role: "admin" });
    await walk(org, post.id, [[admin, "approve"]]);
    expect((await db.select().from(posts).where(eq(posts.id, post.id)))[0].linkUrl).toBe("https://example.org/ailleurs");
  });

  it("withdraws a waiting destination when the lead saves the live one again", async () => {
    const { org, post, author } = await sharedPostWithLeads();
    await walk(org, post.id, [[author, "expire"], [author, "return_to_draft"]]);
    await proposeAs(org, author, post.id, "https://example.org/ailleurs");
    await proposeAs(org, author, post.id, "https://example.org/avant");
    const [row] = await db.select().from(posts).where(eq(posts.id, post.id));
    expect(row).toMatchObject({ linkUrl: "https://example.org/avant", pendingLinkUrl: null, pendingLinkAt: null });
    expect(await auditOf(post.id, "post.destination_withdrawn")).toHaveLength(1);
  });

  it("changes the destination of a post nobody has shared with the draft, without approval", async () => {
    const { org, author } = await sharedPostWithLeads();
    await actAs(author.user.id);
    const created = await savePostAction({ org: org.slug, kind: "link", linkUrl: "https://example.org/premier", variants: { fr: { title: "Brouillon" } } });
    if (!created.ok) throw new Error(JSON.stringify(created));
    await proposeAs(org, author, created.data.id, "https://example.org/second");
    const [row] = await db.select().from(posts).where(eq(posts.id, created.data.id));
    expect(row).toMatchObject({ linkUrl: "https://example.org/second", pendingLinkAt: null });
  });

  it("takes the links of a deleted post out of the cache: they answer the friendly 404", async () => {
    const { org, post, code, author } = await sharedPostWithLeads();
    expect((await hit(`${pipeline.base}/l/${code}`)).status).toBe(302);
    const key = linkKeys(pipeline.prefix).link(code);
    expect(await getRedis().exists(key)).toBe(1);

    await walk(org, post.id, [[author, "expire"], [author, "return_to_draft"]]);
    await actAs(author.user.id);
    expect(await deletePostAction({ org: org.slug, id: post.id })).toMatchObject({ ok: true });
    await dispatchOutbox();
    await expect.poll(() => getRedis().exists(key), { timeout: 15_000 }).toBe(0);
    const gone = await hit(`${pipeline.base}/l/${code}`, { headers: { "accept-language": "fr" } });
    expect(gone.status).toBe(404);
    expect(gone.body).toContain("Ce lien ne mène nulle part");
  });
});
