import "server-only";
import { AppError } from "@/lib/errors";
import { getFeedPostOrThrow } from "@/lib/feed/queries";
import { getRedis, whenReady } from "@/lib/redis";
import type { Tenant } from "@/lib/tenancy";
import { cacheLinkTargets } from "@/lib/tracked-links/cache";
import { linkKeys, linksConfig, trackedLinkUrl } from "@/lib/tracked-links/config";
import { findLinkTargetByCode } from "@/lib/tracked-links/queries";
import { buildShareIntent, type ShareIntent } from "./intents";
import { findVariantForShare, getMastodonInstance, getOrCreateTrackedLink, insertShare, setMastodonInstance } from "./queries";
import type { SharePostInput } from "./schemas";

export type SharePostResult = { intent: ShareIntent; link: string };

// One tap on a share button: the member's tracked link for this post and network (created
// once, reused after), the share recorded, and the network's share URL to open.
export async function sharePost(tenant: Tenant, input: SharePostInput): Promise<SharePostResult> {
  // The feed's own rule decides whether this member may see (so share) the post.
  await getFeedPostOrThrow(tenant, input.postId);
  const variant = await findVariantForShare(tenant, input.postId, input.locale);
  if (!variant) throw new AppError("not_found", "Post not found");

  let instance: string | null = null;
  if (input.network === "mastodon") {
    instance = input.mastodonInstance ?? (await getMastodonInstance(tenant.userId!));
    if (!instance) throw new AppError("bad_request", "Which Mastodon server?");
    if (input.mastodonInstance) await setMastodonInstance(tenant.userId!, input.mastodonInstance);
  }

  const { link, created } = await getOrCreateTrackedLink(tenant, input.postId, input.network);
  if (created) await warmLinkCache(link.code);
  await insertShare(tenant, link);

  const config = linksConfig();
  const url = trackedLinkUrl(config, link.code);
  return { intent: buildShareIntent(input.network, variant, url, instance), link: url };
}

// The first click usually follows within seconds: have the redirect find the code in Redis.
// Best effort — without Redis the redirect reads PostgreSQL and fills Redis itself.
async function warmLinkCache(code: string) {
  const config = linksConfig();
  try {
    const target = await findLinkTargetByCode(code);
    const redis = getRedis();
    if (target && (await whenReady(redis))) await cacheLinkTargets(redis, linkKeys(config.QUEUE_PREFIX), config.APP_URL, [target]);
  } catch (error) {
    console.error(`[links] could not cache link ${code}: ${(error as Error).message}`);
  }
}
