import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import {
  accounts,
  auditLog,
  clicks,
  consents,
  importRowErrors,
  imports,
  invitations,
  joinClaims,
  media,
  outboxEvents,
  postEvents,
  sessions,
  shareReminders,
  shares,
  suggestions,
  trackedLinks,
  type Organization,
} from "@/db/schema";
import { addToGroup, createGroup, createMember, createUser, unique } from "@/tests/factories";
import { createCampaign, createNotification, createPost } from "@/tests/factories/campaigns";

const DAY = 24 * 3600 * 1000;

export async function addClicks(org: Organization, link: { id: string; postId: string; membershipId: string | null }, campaignId: string, count: number, at: Date, extra: Partial<typeof clicks.$inferInsert> = {}) {
  const rows = Array.from({ length: count }, (_, i) => ({
    id: `clk_${randomBytes(8).toString("hex")}`,
    organizationId: org.id,
    linkId: link.id,
    postId: link.postId,
    campaignId,
    membershipId: link.membershipId,
    network: "linkedin" as const,
    clickedAt: new Date(at.getTime() + i * 1000),
    visitorHash: `vh_${i}_${randomBytes(4).toString("hex")}`,
    isUnique: true,
    deviceClass: "mobile" as const,
    browserFamily: "Firefox",
    referrerDomain: "linkedin.com",
    ...extra,
  }));
  if (rows.length) await db.insert(clicks).values(rows);
}

// A member with rows in every table the registry names, and another member who shares the
// same post and receives a notification that names the first.
export async function personWithData(org: Organization) {
  const first = "Ariane";
  const last = `Tremblay${unique()}`;
  const user = await createUser({ name: `${first} ${last}`, firstName: first, lastName: last });
  const { membership, tenant } = await createMember(org, { role: "staff", user });
  const other = await createMember(org, { role: "lead" });
  const group = await createGroup(org);
  await addToGroup(org, group.id, membership.id);
  const campaign = await createCampaign(org, { createdBy: user.id });
  const post = await createPost(org, { campaignId: campaign.id, status: "published", createdBy: user.id });
  await db.insert(postEvents).values({ organizationId: org.id, postId: post.id, toStatus: "published", actorUserId: user.id });
  const [link] = await db.insert(trackedLinks).values({ organizationId: org.id, code: unique("c"), membershipId: membership.id, postId: post.id, network: "linkedin" }).returning();
  const [otherLink] = await db.insert(trackedLinks).values({ organizationId: org.id, code: unique("c"), membershipId: other.membership.id, postId: post.id, network: "linkedin" }).returning();
  await db.insert(shares).values([
    { organizationId: org.id, membershipId: membership.id, postId: post.id, network: "linkedin", linkId: link.id },
    { organizationId: org.id, membershipId: membership.id, postId: post.id, network: "linkedin", linkId: link.id },
    { organizationId: org.id, membershipId: other.membership.id, postId: post.id, network: "linkedin", linkId: otherLink.id },
  ]);
  await addClicks(org, link, campaign.id, 5, new Date(Date.now() - DAY));
  await addClicks(org, link, campaign.id, 2, new Date(Date.now() - DAY), { filterReason: "bot" });
  await addClicks(org, otherLink, campaign.id, 3, new Date(Date.now() - DAY));
  await db.insert(shareReminders).values({ organizationId: org.id, membershipId: membership.id, userId: user.id, postId: post.id, remindAt: new Date(Date.now() + DAY) });
  await createNotification(org, user.id);
  // Someone else's notification quoting the person.
  await createNotification(org, other.user.id, { type: "suggestion_received", data: { name: user.name!, userId: user.id } });
  await db.insert(suggestions).values({ organizationId: org.id, suggestedBy: user.id, url: "https://example.org/article", note: "À partager" });
  await db.insert(invitations).values({ organizationId: org.id, email: user.email, role: "staff", invitedBy: other.user.id, acceptedAt: new Date(), acceptedBy: user.id, expiresAt: new Date(Date.now() + DAY) });
  await db.insert(joinClaims).values({ organizationId: org.id, email: user.email, firstName: first, lastName: last, locale: "fr", invitationId: null, inviteLinkId: (await db.execute<{ id: string }>(sql`insert into invite_links (id, organization_id, code) values (${unique("inv_")}, ${org.id}, ${unique("code")}) returning id`))[0].id, expiresAt: new Date(Date.now() - DAY) });
  await db.insert(auditLog).values({ organizationId: org.id, actorUserId: user.id, action: "member.role_changed", targetId: membership.id });
  await db.insert(consents).values({ organizationId: org.id, userId: user.id, email: user.email, textVersion: "join-2026-12" });
  await db.insert(media).values({ organizationId: org.id, kind: "image", contentType: "image/png", sizeBytes: 10, storageKey: `media/${org.id}/${unique()}`, createdBy: user.id });
  const [imp] = await db.insert(imports).values({ organizationId: org.id, fileName: "membres.csv", content: `email,first_name\n${user.email},${first}\n`, status: "completed", createdBy: user.id, finishedAt: new Date() }).returning();
  await db.insert(importRowErrors).values({ organizationId: org.id, importId: imp.id, line: 2, code: "duplicate_in_file", value: user.email });
  await db.insert(outboxEvents).values({ organizationId: org.id, type: "member.joined", payload: { membershipId: membership.id, userId: user.id, via: "invitation" } });
  await db.insert(sessions).values({ sessionToken: unique("tok"), userId: user.id, expires: new Date(Date.now() + DAY) });
  await db.insert(accounts).values({ userId: user.id, type: "email", provider: "nodemailer", providerAccountId: user.email });
  return { user, membership, tenant, other, campaign, post, link };
}

// Rows anywhere in the database whose text holds one of `needles` (case-insensitive), by table.
export async function rowsMentioning(needles: string[]) {
  const tables = (await db.execute<{ name: string }>(sql`select relname as name from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'p') and not relispartition order by 1`)).map((r) => r.name);
  const found: Record<string, number> = {};
  for (const table of tables) {
    const conditions = sql.join(needles.map((n) => sql`strpos(lower(x::text), lower(${n})) > 0`), sql` or `);
    const [{ n }] = await db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)} x where ${conditions}`);
    if (n > 0) found[table] = n;
  }
  return found;
}

// What a campaign's results read: shares, and clicks that count.
export async function campaignTotals(campaignId: string) {
  const [row] = await db.execute<{ shares: number; clicks: number; filtered: number }>(sql`select
    (select count(*)::int from shares s join posts p on p.id = s.post_id where p.campaign_id = ${campaignId}) as shares,
    (select count(*)::int from clicks where campaign_id = ${campaignId} and filter_reason is null) as clicks,
    (select count(*)::int from clicks where campaign_id = ${campaignId} and filter_reason is not null) as filtered`);
  return row;
}
