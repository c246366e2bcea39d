// No "server-only" here: the standalone redirect and the workers (plain Node) import these
// too, and nothing in this file is meant for a browser anyway.
import { and, eq, gt, or, type SQL } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { campaigns, posts, trackedLinks } from "@/db/schema";
import type { Network } from "@/db/schema/enums";

export type LinkTargetRow = {
  code: string;
  orgId: string;
  postId: string;
  network: Network;
  linkUrl: string | null;
  campaignSlug: string | null;
};

const targetColumns = {
  code: trackedLinks.code,
  orgId: trackedLinks.organizationId,
  postId: trackedLinks.postId,
  network: trackedLinks.network,
  linkUrl: posts.linkUrl,
  campaignSlug: campaigns.slug,
};

function targetsWhere(where: SQL | undefined) {
  return db
    .select(targetColumns)
    .from(trackedLinks)
    .innerJoin(posts, eq(posts.id, trackedLinks.postId))
    .leftJoin(campaigns, eq(campaigns.id, posts.campaignId))
    .where(where);
}

// The redirect's PostgreSQL fallback (Redis had no entry, or is away). Public by nature:
// the code is the credential, and only the destination a lead saved comes out.
export async function findLinkTargetByCode(code: string): Promise<LinkTargetRow | null> {
  const [row] = await targetsWhere(eq(trackedLinks.code, code)).limit(1);
  return row ?? null;
}

// Links whose destination may have changed since `since` (the post or its campaign was
// edited, or the link is new), a page at a time in id order; every link when `since` is null.
export async function findLinkTargetsChangedSince(since: Date | null, afterId: string, limit: number) {
  const changed = since ? or(gt(posts.updatedAt, since), gt(campaigns.updatedAt, since), gt(trackedLinks.createdAt, since)) : undefined;
  return db
    .select({ id: trackedLinks.id, ...targetColumns })
    .from(trackedLinks)
    .innerJoin(posts, eq(posts.id, trackedLinks.postId))
    .leftJoin(campaigns, eq(campaigns.id, posts.campaignId))
    .where(and(gt(trackedLinks.id, afterId), changed))
    .orderBy(trackedLinks.id)
    .limit(limit);
}

export async function findLinkTargetsOfPost(postId: string) {
  return targetsWhere(eq(trackedLinks.postId, postId));
}

// Whether members have shared the post: its links may be out there.
export async function postHasTrackedLinks(exec: typeof db | Transaction, postId: string) {
  const [row] = await exec.select({ id: trackedLinks.id }).from(trackedLinks).where(eq(trackedLinks.postId, postId)).limit(1);
  return row !== undefined;
}

export async function findLinkCodesOfPost(exec: typeof db | Transaction, postId: string) {
  const rows = await exec.select({ code: trackedLinks.code }).from(trackedLinks).where(eq(trackedLinks.postId, postId));
  return rows.map((row) => row.code);
}
