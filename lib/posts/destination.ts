import type { Transaction } from "@/db/client";
import type { LinkPreview, Post } from "@/db/schema";
import { emit } from "@/lib/jobs/outbox";
import { recordAudit } from "@/lib/organizations/queries";
import type { Tenant } from "@/lib/tenancy";
import { postHasTrackedLinks } from "@/lib/tracked-links/queries";

type Destination = { linkUrl: string | null; linkPreview: LinkPreview | null };

const NOTHING_PENDING = { pendingLinkUrl: null, pendingLinkPreview: null, pendingLinkBy: null, pendingLinkAt: null } satisfies Partial<Post>;

// Where the links of a post lead, once they are out. Members have posted those links; a lead
// who could repoint them alone could send thousands of readers anywhere. So a new
// destination for a post that has tracked links waits beside the live one (pending_link_*)
// and takes effect only when the post is approved by someone else than its proposer
// (lifecycle.ts: another lead, an owner or an admin), with an audit entry at each step; the
// redirect cache follows the approval, never the edit. Posts without links yet change freely.
export async function destinationOnSave(tx: Transaction, tenant: Tenant, existing: Post | null, wanted: Destination): Promise<Partial<Post>> {
  if (!existing) return wanted;
  if (wanted.linkUrl === existing.linkUrl) {
    if (!existing.pendingLinkAt) return wanted;
    // Back to the live destination: the proposal is withdrawn.
    await recordAudit(tx, tenant, "post.destination_withdrawn", existing.id, { to: existing.pendingLinkUrl });
    return { ...wanted, ...NOTHING_PENDING };
  }
  if (existing.pendingLinkAt && wanted.linkUrl === existing.pendingLinkUrl) return { pendingLinkPreview: wanted.linkPreview };
  if (!(await postHasTrackedLinks(tx, existing.id))) return wanted;
  await recordAudit(tx, tenant, "post.destination_proposed", existing.id, { from: existing.linkUrl, to: wanted.linkUrl });
  return { pendingLinkUrl: wanted.linkUrl, pendingLinkPreview: wanted.linkPreview, pendingLinkBy: tenant.userId, pendingLinkAt: new Date() };
}

// On approval of the post (the caller has checked the approver is not the proposer).
export async function destinationOnApproval(tx: Transaction, tenant: Tenant, post: Post): Promise<Partial<Post>> {
  if (!post.pendingLinkAt) return {};
  await recordAudit(tx, tenant, "post.destination_approved", post.id, { from: post.linkUrl, to: post.pendingLinkUrl, proposedBy: post.pendingLinkBy });
  await emit(tx, { type: "post.destination.changed", orgId: tenant.orgId, payload: { postId: post.id } });
  return { linkUrl: post.pendingLinkUrl, linkPreview: post.pendingLinkPreview, ...NOTHING_PENDING };
}
