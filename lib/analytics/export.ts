// No "server-only": the benchmark streams exports too.
import { db } from "@/db/client";
import type { Tenant } from "@/lib/tenancy";

export type Column = { key: string; label: string };

export const DETAIL_COLUMNS: Column[] = [
  { key: "day", label: "day" },
  { key: "campaign", label: "campaign" },
  { key: "campaign_en", label: "campaign_en" },
  { key: "post", label: "post" },
  { key: "network", label: "network" },
  { key: "member", label: "member" },
  { key: "shares", label: "shares" },
  { key: "clicks", label: "human_clicks" },
  { key: "unique_clicks", label: "unique_clicks" },
  { key: "filtered", label: "filtered_clicks" },
  { key: "actions", label: "actions" },
];

// The finest table the rollups hold (day × post × network × member), read with a cursor. Both
// campaign names, whoever downloads it: the headers are language-neutral keys, so the same
// period gives the same file to a French and an English reader, and a sheet built on one
// export (lookups by campaign name) keeps working on the next.
export function detailBatches(tenant: Pick<Tenant, "orgId">, scope: { campaignId?: string | null; from: string; to: string }) {
  return db.$client`
    select to_char(d.day, 'YYYY-MM-DD') as day, coalesce(c.name, '') as campaign, coalesce(c.name_en, '') as campaign_en,
      coalesce((select v.title from post_variants v where v.post_id = d.post_id order by (v.locale = 'fr') desc limit 1), '') as post,
      coalesce(d.network::text, '') as network, coalesce(u.name, u.email, '') as member,
      d.shares, d.clicks, d.unique_clicks,
      d.filtered_bot + d.filtered_preview + d.filtered_head + d.filtered_prefetch + d.filtered_repeat + d.filtered_self as filtered, d.actions
    from analytics_daily d
    left join campaigns c on c.id = d.campaign_id
    left join memberships m on m.id = d.membership_id left join users u on u.id = m.user_id
    where d.organization_id = ${tenant.orgId} and d.day between ${scope.from}::date and ${scope.to}::date
      ${scope.campaignId ? db.$client`and d.campaign_id = ${scope.campaignId}` : db.$client``}
    order by d.day, d.post_id, d.network, d.membership_id`.cursor(5_000);
}

export const CLICK_COLUMNS: Column[] = [
  { key: "clicked_at", label: "clicked_at" },
  { key: "network", label: "network" },
  { key: "post_id", label: "post_id" },
  { key: "membership_id", label: "membership_id" },
  { key: "counted", label: "counted" },
  { key: "filter_reason", label: "filter_reason" },
  { key: "is_unique", label: "unique" },
  { key: "country", label: "country" },
  { key: "device_class", label: "device" },
  { key: "referrer_domain", label: "referrer" },
];

// Every request to a campaign's links in a period, kept or filtered with its reason (the
// record a contest dispute is settled with). Times in UTC (ISO 8601).
export function clickBatches(tenant: Pick<Tenant, "orgId">, scope: { campaignId: string; fromAt: Date; toAt: Date }) {
  return db.$client`
    select to_char(clicked_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as clicked_at, network, post_id, membership_id,
      (filter_reason is null) as counted, filter_reason, is_unique, country, device_class, referrer_domain
    from clicks
    where organization_id = ${tenant.orgId} and campaign_id = ${scope.campaignId} and clicked_at >= ${scope.fromAt} and clicked_at < ${scope.toAt}`.cursor(10_000);
}

