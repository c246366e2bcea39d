import { can } from "@/lib/auth/permissions";
import { requirePageTenant } from "@/lib/auth/session";
import { findVariantForShare, getMastodonInstance } from "@/lib/shares/queries";
import { ShareButtons } from "./share-buttons";

export type ShareBarProps = { org: string; postId: string; locale: "fr" | "en" };

// The share buttons under a post. The feed renders <ShareBar org postId locale />; this
// component checks the member may share, loads what it needs itself and renders the client
// buttons (each tap goes through sharePostAction, which checks again).
export async function ShareBar({ org, postId, locale }: ShareBarProps) {
  const tenant = await requirePageTenant(org, "feed.read");
  if (!can(tenant.role, "shares.write") || !tenant.userId) return null;
  const [variant, mastodonInstance] = await Promise.all([findVariantForShare(tenant, postId, locale), getMastodonInstance(tenant.userId)]);
  if (!variant) return null;
  return <ShareButtons org={org} postId={postId} locale={variant.locale} mastodonInstance={mastodonInstance} />;
}
