// GET /api/orgs/:org/analytics/export?table=…&from=…&to=…[&campaign=…] – a dashboard table as CSV, streamed
import { getLocale } from "next-intl/server";
import { withOrg } from "@/lib/api";
import { CLICK_COLUMNS, clickBatches, DETAIL_COLUMNS, detailBatches } from "@/lib/analytics/export";
import { csvChunks, csvResponse } from "@/lib/csv/write";
import { scopeFrom } from "@/lib/analytics/period";
import { getCampaignForReport, getDashboard } from "@/lib/analytics/queries";
import { exportQuerySchema } from "@/lib/analytics/schemas";
import { fromOutside } from "@/lib/input";
import { getOrganizationSettings } from "@/lib/organizations/settings";

const cols = (...keys: string[]) => keys.map((key) => ({ key, label: key }));

export const GET = withOrg(
  async ({ req, tenant }) => {
    const query = fromOutside(exportQuerySchema).parse(Object.fromEntries(req.nextUrl.searchParams));
    const { timeZone } = await getOrganizationSettings(tenant);
    // The dashboard tables come out as the reader sees them on screen (post titles in their
    // language); the detail table carries both campaign names whoever downloads it.
    const locale = (await getLocale()) === "en" ? "en" : "fr";
    const campaign = query.campaign ? await getCampaignForReport(tenant, query.campaign, locale) : null;
    const scope = scopeFrom(query, timeZone, campaign);
    const name = `relais-${query.table}-${scope.period.from}-${scope.period.to}.csv`;
    if (query.table === "detail") {
      return csvResponse(name, csvChunks(DETAIL_COLUMNS, detailBatches(tenant, { campaignId: campaign?.id, ...scope.period })));
    }
    if (query.table === "clicks") {
      if (!campaign) return Response.json({ error: { code: "bad_request", message: "A campaign is required" } }, { status: 400 });
      // Local midnight to local midnight, as the dashboard reads the period.
      const bounds = (day: string) => new Date(new Date(`${day}T00:00:00Z`).getTime() - offsetMs(timeZone, new Date(`${day}T12:00:00Z`)));
      const toAt = new Date(bounds(scope.period.to).getTime() + 86_400_000);
      return csvResponse(name, csvChunks(CLICK_COLUMNS, clickBatches(tenant, { campaignId: campaign.id, fromAt: bounds(scope.period.from), toAt })));
    }
    const data = await getDashboard(tenant, scope, locale);
    const tables = {
      posts: { columns: cols("postId", "title", "shares", "clicks", "uniqueClicks"), rows: data.byPost },
      networks: { columns: cols("network", "shares", "clicks", "uniqueClicks", "reach", "impressions", "emv"), rows: data.byNetwork },
      members: { columns: cols("membershipId", "name", "shares", "clicks", "actions"), rows: data.byMember },
      groups: { columns: cols("name", "shares", "clicks", "actions"), rows: data.byGroup },
      languages: { columns: cols("language", "shares", "clicks", "actions"), rows: data.byLanguage },
      days: { columns: cols("day", "shares", "clicks", "uniqueClicks", "actions"), rows: data.series },
      hours: { columns: cols("hour", "shares", "clicks"), rows: data.byHour },
    };
    const table = tables[query.table];
    return csvResponse(name, csvChunks(table.columns, [table.rows as Record<string, unknown>[]]));
  },
  { permission: "analytics.read" },
);

// The zone's offset from UTC at an instant, in milliseconds (positive east of Greenwich).
function offsetMs(timeZone: string, at: Date) {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) - at.getTime();
}
