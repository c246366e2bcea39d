import { and, eq, inArray } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { clicks, memberships, posts, shares, trackedLinks, type Click } from "@/db/schema";
import type { Network } from "@/db/schema/enums";
import { createLinkCode } from "@/lib/tracked-links/codes";

const HOUR = 3600 * 1000;
const NETWORKS: Network[] = ["linkedin", "linkedin", "linkedin", "facebook", "x", "bluesky", "whatsapp", "email", "copy", "mastodon"];
const DEVICES = ["mobile", "mobile", "mobile", "desktop", "desktop", "tablet"] as const;
const BROWSERS = ["Chrome", "Safari", "Chrome", "Firefox", "Edge", "Samsung Internet"];
const COUNTRIES = ["CA", "CA", "CA", "CA", "CA", "FR", "US", "BE", null];
const REFERRERS = ["www.linkedin.com", "lnkd.in", "www.facebook.com", "t.co", "bsky.app", null, null];

// A fixed pseudo-random sequence: the demo looks the same on every machine.
function sequence(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

// A few weeks of sharing in the demo workspace: members' shares of published posts, each
// with its tracked link, and the requests those links received: people's clicks, and the
// ones kept but not counted (link previews, repeats, the sharer's own), so that "My impact"
// and the analytics have something to show.
export async function seedShares(db: Database | Transaction, orgId: string, log: (m: string) => void) {
  const random = sequence(42);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const published = await db.select({ id: posts.id, campaignId: posts.campaignId }).from(posts).where(and(eq(posts.organizationId, orgId), eq(posts.status, "published")));
  const sharers = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.organizationId, orgId), eq(memberships.status, "active"), inArray(memberships.role, ["staff", "advocate", "lead"])))
    .limit(60);
  if (published.length === 0 || sharers.length === 0) return;

  const now = Date.now();
  const shareRows: (typeof shares.$inferInsert)[] = [];
  const clickRows: (typeof clicks.$inferInsert)[] = [];
  const taken = new Set<string>();
  for (const member of sharers) {
    const count = 1 + Math.floor(random() * 4);
    for (let i = 0; i < count; i++) {
      const post = pick(published);
      const network = pick(NETWORKS);
      const key = `${post.id}:${member.id}:${network}`;
      if (taken.has(key)) continue;
      taken.add(key);
      const sharedAt = new Date(now - Math.floor(random() * 20 * 24) * HOUR);
      const [link] = await db
        .insert(trackedLinks)
        .values({ organizationId: orgId, code: createLinkCode(), membershipId: member.id, postId: post.id, network, createdAt: sharedAt })
        .returning({ id: trackedLinks.id });
      shareRows.push({ organizationId: orgId, membershipId: member.id, postId: post.id, network, linkId: link.id, createdAt: sharedAt });
      const click = (visitor: string, at: number, filterReason: Click["filterReason"], isUnique: boolean) =>
        clickRows.push({
          id: `seed${clickRows.length.toString(36)}${Math.floor(random() * 1e9).toString(36)}`,
          organizationId: orgId,
          linkId: link.id,
          postId: post.id,
          campaignId: post.campaignId,
          membershipId: member.id,
          network,
          clickedAt: new Date(Math.min(now, at)),
          visitorHash: `seed-${link.id}-${visitor}`,
          isUnique,
          filterReason,
          country: filterReason === "preview" ? null : pick(COUNTRIES),
          deviceClass: filterReason === "preview" ? "other" : pick(DEVICES),
          browserFamily: filterReason === "preview" ? null : pick(BROWSERS),
          referrerDomain: filterReason === "preview" ? null : pick(REFERRERS),
        });
      // The network fetches the link for its card as soon as it is posted, sometimes twice.
      const previews = 1 + Math.floor(random() * 2);
      for (let p = 0; p < previews; p++) click(`preview${p}`, sharedAt.getTime() + (p + 1) * 60_000, "preview", false);
      // The member checks their own post now and then: kept, never counted.
      if (random() < 0.25) click("self", sharedAt.getTime() + 5 * 60_000, "self", false);
      const visitors = Math.floor(random() * random() * 25);
      for (let v = 0; v < visitors; v++) {
        const first = sharedAt.getTime() + Math.floor(random() * 48 * HOUR);
        click(String(v), first, null, true);
        // A second look within the day is a repeat.
        if (random() < 0.2) click(String(v), first + HOUR, "repeat", false);
      }
    }
  }
  await db.insert(shares).values(shareRows);
  for (let i = 0; i < clickRows.length; i += 1_000) await db.insert(clicks).values(clickRows.slice(i, i + 1_000));
  log(`Seeded ${shareRows.length} shares (one tracked link each) and ${clickRows.length} requests to their links, ${clickRows.filter((c) => c.filterReason).length} of them filtered.`);
}
