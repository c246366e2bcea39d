// No "server-only" here: the workers (plain Node) import this too.
import { eq, inArray } from "drizzle-orm";
import { arrayTypesLoaded, db } from "@/db/client";
import { memberships, trackedLinks } from "@/db/schema";
import type { ClickFilter } from "@/db/schema/clicks";

export type ClickRow = {
  id: string;
  code: string;
  at: number;
  visitorHash: string;
  isUnique: boolean;
  filterReason: ClickFilter | null;
  country: string | null;
  deviceClass: "desktop" | "mobile" | "tablet" | "other";
  browserFamily: string | null;
  referrerDomain: string | null;
};

// One statement per batch, whatever its size: the rows travel as arrays and unnest
// turns them back into rows (close to COPY's speed, with ON CONFLICT, which COPY lacks).
// The link, post and campaign ids are taken from the link itself, so a click can only ever
// be filed under the organisation that owns the code. Returns the rows actually inserted.
export async function insertClickBatch(rows: ClickRow[]) {
  if (rows.length === 0) return 0;
  await arrayTypesLoaded();
  const client = db.$client;
  // One statement writes the clicks and, per organisation, the "clicks.ingested" event that
  // names them: what reacts to clicks (contests, rollups) never misses a batch.
  const [result] = await client`
    with inserted as (
    insert into clicks (id, organization_id, link_id, post_id, campaign_id, membership_id, network, clicked_at,
                        visitor_hash, is_unique, country, device_class, browser_family, referrer_domain, filter_reason)
    select u.id, l.organization_id, l.id, l.post_id, p.campaign_id, l.membership_id, l.network, to_timestamp(u.at / 1000.0),
           u.visitor_hash, u.is_unique, u.country, u.device_class, u.browser_family, u.referrer_domain, u.filter_reason
    from unnest(
      ${client.array(rows.map((r) => r.id))}::text[],
      ${client.array(rows.map((r) => r.code))}::text[],
      ${client.array(rows.map((r) => r.at))}::float8[],
      ${client.array(rows.map((r) => r.visitorHash))}::text[],
      ${client.array(rows.map((r) => r.isUnique))}::bool[],
      ${client.array(rows.map((r) => r.country))}::text[],
      ${client.array(rows.map((r) => r.deviceClass))}::click_device[],
      ${client.array(rows.map((r) => r.browserFamily))}::text[],
      ${client.array(rows.map((r) => r.referrerDomain))}::text[],
      ${client.array(rows.map((r) => r.filterReason))}::click_filter[]
    ) as u(id, code, at, visitor_hash, is_unique, country, device_class, browser_family, referrer_domain, filter_reason)
    join tracked_links l on l.code = u.code
    join posts p on p.id = l.post_id
    on conflict (id, clicked_at) do nothing
    returning id, organization_id),
    emitted as (
      insert into outbox_events (organization_id, type, payload)
      select organization_id, 'clicks.ingested', jsonb_build_object('clickIds', jsonb_agg(id)) from inserted group by organization_id)
    select count(*)::int as count from inserted`;
  return result.count as number;
}

// Code → the user id of the member who shared it (links of members who left have none).
export async function findLinkOwners(codes: string[]) {
  const rows = await db
    .select({ code: trackedLinks.code, userId: memberships.userId })
    .from(trackedLinks)
    .innerJoin(memberships, eq(memberships.id, trackedLinks.membershipId))
    .where(inArray(trackedLinks.code, codes));
  return new Map(rows.map((row) => [row.code, row.userId]));
}
