import type { Transaction } from "@/db/client";
import { postEvents, posts, postVariants } from "@/db/schema";
import type { Tenant } from "@/lib/tenancy";

type DraftValues = Omit<typeof posts.$inferInsert, "id" | "organizationId" | "createdBy" | "status">;
type DraftVariant = Omit<typeof postVariants.$inferInsert, "id" | "organizationId" | "postId">;

// Every draft starts here, whether a lead writes it, a suggestion is accepted or an RSS entry
// arrives: the post, the "draft" event its history starts with, and the variants it comes with.
// A job's tenant has no person, so the post has no author and the event no actor.
export async function createDraft(tx: Transaction, tenant: Tenant, values: DraftValues, options: { variants?: DraftVariant[]; note?: string } = {}) {
  const [post] = await tx.insert(posts).values({ ...values, organizationId: tenant.orgId, createdBy: tenant.userId, status: "draft" }).returning();
  await tx.insert(postEvents).values({ organizationId: tenant.orgId, postId: post.id, toStatus: "draft", actorUserId: tenant.userId, note: options.note });
  if (options.variants?.length) {
    await tx.insert(postVariants).values(options.variants.map((v) => ({ ...v, organizationId: tenant.orgId, postId: post.id })));
  }
  return post;
}
