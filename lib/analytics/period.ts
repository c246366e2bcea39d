import type { DashboardQuery } from "./schemas";
import type { Period, Scope } from "./queries";

// The day a moment falls on in a time zone (YYYY-MM-DD).
export const dayIn = (timeZone: string, at: Date) => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);

// The page's period: the query's days, else the campaign's (start to end, or to today), else
// the last 30 days of the organisation's calendar. A baseline needs both of its days.
export function scopeFrom(query: DashboardQuery, timeZone: string, campaign?: { id: string; startsAt: Date | null; endsAt: Date | null } | null, now = new Date()): Scope {
  const today = dayIn(timeZone, now);
  const fallback: Period = campaign?.startsAt
    ? { from: dayIn(timeZone, campaign.startsAt), to: campaign.endsAt && campaign.endsAt < now ? dayIn(timeZone, campaign.endsAt) : today }
    : { from: dayIn(timeZone, new Date(now.getTime() - 29 * 86_400_000)), to: today };
  let period: Period = { from: query.from ?? fallback.from, to: query.to ?? fallback.to };
  if (period.from > period.to) period = { from: period.to, to: period.from };
  const compareTo = query.baseFrom && query.baseTo && query.baseFrom <= query.baseTo ? { from: query.baseFrom, to: query.baseTo } : null;
  return { campaignId: campaign?.id ?? null, period, compareTo };
}

export function scopeQueryString(scope: Scope) {
  const params = new URLSearchParams({ from: scope.period.from, to: scope.period.to });
  if (scope.compareTo) {
    params.set("baseFrom", scope.compareTo.from);
    params.set("baseTo", scope.compareTo.to);
  }
  if (scope.campaignId) params.set("campaign", scope.campaignId);
  return params.toString();
}
