import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/db/schema/enums";
import { formatDay, formatInZone } from "@/lib/calendar/format";
import { addDays, addMonths, isDayKey, monthStart, monthWeeks, weekDays } from "@/lib/calendar/grid";
import { findCalendarItems, type CalendarMoment, type CalendarPost } from "@/lib/calendar/queries";
import { dayKey, zonedToUtc } from "@/lib/calendar/zoned";
import { getOrganizationSettings } from "@/lib/organizations/settings";
import type { Tenant } from "@/lib/tenancy";

export const CALENDAR_VIEWS = ["month", "week", "list"] as const;
type View = (typeof CALENDAR_VIEWS)[number];
type Day = { key: string; moments: CalendarMoment[]; posts: CalendarPost[] };

// Moments on every day they span, posts on the day they publish, in the organisation's zone.
function bucket(days: string[], moments: CalendarMoment[], posts: CalendarPost[], timeZone: string): Map<string, Day> {
  const map = new Map(days.map((key) => [key, { key, moments: [] as CalendarMoment[], posts: [] as CalendarPost[] }]));
  for (const m of moments) {
    const last = dayKey(m.endsAt ?? m.startsAt, timeZone);
    for (let d = dayKey(m.startsAt, timeZone); d <= last; d = addDays(d, 1)) map.get(d)?.moments.push(m);
  }
  for (const p of posts) map.get(dayKey(p.publishAt, timeZone))?.posts.push(p);
  return map;
}

export async function CalendarView({ org, tenant, basePath, campaignId, view: rawView, date: rawDate }: { org: string; tenant: Tenant; basePath: string; campaignId?: string; view?: string; date?: string }) {
  const locale = (await getLocale()) as Locale;
  const [t, tp, { timeZone }] = await Promise.all([getTranslations("campaigns.calendar"), getTranslations("posts"), getOrganizationSettings(tenant)]);
  const today = dayKey(new Date(), timeZone);
  const view: View = (CALENDAR_VIEWS as readonly string[]).includes(rawView ?? "") ? (rawView as View) : "month";
  const date = isDayKey(rawDate) ? rawDate : today;

  const weeks = view === "week" ? [weekDays(date)] : monthWeeks(date);
  const days = weeks.flat();
  const { moments, posts } = await findCalendarItems(tenant, {
    from: zonedToUtc(days[0], timeZone)!,
    to: zonedToUtc(addDays(days[days.length - 1], 1), timeZone)!,
    campaignId,
    locale,
  });
  const byDay = bucket(days, moments, posts, timeZone);
  const inMonth = (key: string) => view === "week" || key.slice(0, 7) === date.slice(0, 7);
  const agendaDays = days.filter((d) => inMonth(d) && (byDay.get(d)!.moments.length || byDay.get(d)!.posts.length));

  const step = view === "week" ? (n: number) => addDays(date, 7 * n) : (n: number) => addMonths(monthStart(date), n);
  const href = (v: View, d: string) => `${basePath}?view=${v}&date=${d}`;
  const title =
    view === "week"
      ? t("week_of", { start: formatDay(days[0], locale, { dateStyle: "long" }), end: formatDay(days[6], locale, { dateStyle: "long" }) })
      : formatDay(monthStart(date), locale, { month: "long", year: "numeric" });
  const time = (d: Date) => formatInZone(d, locale, timeZone, { timeStyle: "short" });

  const momentItem = (m: CalendarMoment) => (
    <li key={m.id} className="rounded border-l-4 border-amber-600 bg-amber-50 px-2 py-1 text-sm">
      <span className="sr-only">{t("moment")}: </span>
      <Link href={`/${org}/campaigns/${m.campaignId}`} className="font-semibold text-slate-900 underline-offset-2 hover:underline">{m.title}</Link>
      {!campaignId && <span className="block text-xs text-slate-700">{m.campaignName}</span>}
    </li>
  );
  const postItem = (p: CalendarPost) => (
    <li key={p.id} className="rounded border-l-4 border-blue-700 bg-blue-50 px-2 py-1 text-sm">
      <span className="sr-only">{t("post")}: </span>
      <Link href={`/${org}/posts/${p.id}`} className="text-blue-900 underline-offset-2 hover:underline">
        <time dateTime={p.publishAt.toISOString()}>{time(p.publishAt)}</time> {p.title || tp("untitled")}
      </Link>
      <span className="block text-xs text-slate-700">{tp(`statuses.${p.status}`)}</span>
    </li>
  );
  const dayLists = (day: Day) => (
    <>
      {day.moments.length > 0 && <ul className="space-y-1">{day.moments.map(momentItem)}</ul>}
      {day.posts.length > 0 && <ul className="mt-1 space-y-1">{day.posts.map(postItem)}</ul>}
    </>
  );

  const agenda = (
    <div className="space-y-4">
      {agendaDays.length === 0 && <p className="card text-slate-700">{t("empty")}</p>}
      {agendaDays.map((key) => (
        <section key={key} aria-labelledby={`day-${key}`} className="card space-y-2">
          <h3 id={`day-${key}`} className="font-semibold">
            {formatDay(key, locale)}
            {key === today && <span className="ml-2 text-sm font-normal text-slate-700">({t("today")})</span>}
          </h3>
          {dayLists(byDay.get(key)!)}
        </section>
      ))}
    </div>
  );

  const weekdayNames = weeks[0].map((d) => ({ short: formatDay(d, locale, { weekday: "short" }), long: formatDay(d, locale, { weekday: "long" }) }));

  return (
    <div className="space-y-4">
      <nav aria-label={t("navigation")} className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex items-center gap-1">
          <Link href={href(view, step(-1))} className="btn-secondary">
            <span aria-hidden="true">←</span>
            <span className="sr-only">{view === "week" ? t("previous_week") : t("previous_month")}</span>
          </Link>
          <Link href={href(view, today)} className="btn-secondary">{t("today")}</Link>
          <Link href={href(view, step(1))} className="btn-secondary">
            <span aria-hidden="true">→</span>
            <span className="sr-only">{view === "week" ? t("next_week") : t("next_month")}</span>
          </Link>
        </div>
        <ul className="flex gap-1">
          {CALENDAR_VIEWS.map((v) => (
            <li key={v}>
              <Link href={href(v, date)} aria-current={v === view ? "page" : undefined} className="btn-secondary aria-[current=page]:bg-slate-900 aria-[current=page]:text-white">
                {t(`views.${v}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2 className="text-xl font-semibold capitalize">{title}</h2>

      {view === "list" ? (
        agenda
      ) : (
        <>
          {/* Phones get the agenda; the grid needs a wide screen. */}
          <div className="md:hidden">{agenda}</div>
          <table className="hidden w-full table-fixed border-collapse md:table">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                {weekdayNames.map((w) => (
                  <th key={w.long} scope="col" className="border border-slate-200 bg-slate-100 p-1 text-sm font-semibold">
                    <abbr title={w.long} className="no-underline">{w.short}</abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeks.map((week) => (
                <tr key={week[0]}>
                  {week.map((key) => {
                    const day = byDay.get(key)!;
                    return (
                      <td key={key} className={`h-28 border border-slate-200 p-1 align-top ${inMonth(key) ? "bg-white" : "bg-slate-50"} ${view === "week" ? "h-64" : ""}`}>
                        <p className={`text-sm ${key === today ? "inline-flex size-7 items-center justify-center rounded-full bg-blue-700 font-bold text-white" : inMonth(key) ? "text-slate-900" : "text-slate-600"}`}>
                          <time dateTime={key} aria-label={formatDay(key, locale)}>{Number(key.slice(8))}</time>
                        </p>
                        {dayLists(day)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <p className="text-sm text-slate-700">{t("time_zone", { timeZone })}</p>
    </div>
  );
}
