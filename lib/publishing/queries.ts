import { and, asc, eq, gt, lte, or } from "drizzle-orm";
import { db } from "@/db/client";
import { memberships, postEvents, posts, type Post } from "@/db/schema";
import { toInstant } from "@/lib/jobs/events";
import { emit } from "@/lib/jobs/outbox";
import { postAudienceIncludes } from "@/lib/posts/audience";
import { asSystem, inOrg } from "@/lib/tenancy";

export async function getPostState(orgId: string, postId: string): Promise<Post | null> {
  const [row] = await db.select().from(posts).where(inOrg(posts, asSystem(orgId), eq(posts.id, postId)));
  return row ?? null;
}

// The guard that makes publishing happen once: only the run whose UPDATE finds the post still
// scheduled and due moves it, whatever number of jobs, retries and sweeps race for it.
export async function publishDuePost(orgId: string, postId: string, now: Date) {
  return db.transaction(async (tx) => {
    const [post] = await tx
      .update(posts)
      .set({ status: "published", publishedAt: now })
      .where(inOrg(posts, asSystem(orgId), eq(posts.id, postId), eq(posts.status, "scheduled"), lte(posts.publishAt, now)))
      .returning();
    if (!post) return null;
    await tx.insert(postEvents).values({ organizationId: orgId, postId, fromStatus: "scheduled", toStatus: "published" });
    // What follows publication (the audience told, the expiry set) cannot be lost once the
    // post is out: it is committed with it.
    await emit(tx, { type: "post.published", orgId, payload: { postId, publishedAt: now.toISOString(), expiresAt: toInstant(post.expiresAt) } });
    return post;
  });
}

export async function expireDuePost(orgId: string, postId: string, now: Date) {
  return db.transaction(async (tx) => {
    const [post] = await tx
      .update(posts)
      .set({ status: "expired" })
      .where(inOrg(posts, asSystem(orgId), eq(posts.id, postId), eq(posts.status, "published"), lte(posts.expiresAt, now)))
      .returning();
    if (!post) return null;
    await tx.insert(postEvents).values({ organizationId: orgId, postId, fromStatus: "published", toStatus: "expired" });
    return post;
  });
}

// Work whose time has come, in every organisation: the safety net for a job Redis lost.
export async function findOverduePosts(now: Date, limit = 500) {
  return db
    .select({ orgId: posts.organizationId, postId: posts.id, status: posts.status })
    .from(posts)
    .where(or(and(eq(posts.status, "scheduled"), lte(posts.publishAt, now)), and(eq(posts.status, "published"), lte(posts.expiresAt, now))))
    .orderBy(asc(posts.publishAt))
    .limit(limit);
}

// Active members who may see the post, one page at a time in membership order.
export async function findAudiencePage(post: Pick<Post, "id" | "organizationId" | "advocatesCanSee">, after: string | null, limit: number) {
  return db
    .select({ membershipId: memberships.id, userId: memberships.userId })
    .from(memberships)
    .where(
      inOrg(
        memberships,
        asSystem(post.organizationId),
        eq(memberships.status, "active"),
        after ? gt(memberships.id, after) : undefined,
        postAudienceIncludes(post, { id: memberships.id, role: memberships.role }),
      ),
    )
    .orderBy(asc(memberships.id))
    .limit(limit);
}
