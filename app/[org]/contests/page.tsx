import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { requirePageTenant } from "@/lib/auth/session";
import { contestName } from "@/lib/contests/pages";
import { findMyContests } from "@/lib/contests/queries";

export async function generateMetadata() {
  return { title: (await getTranslations("contests"))("title") };
}

// Every contest of the workspace, with the member's own points and rank on each.
export default async function ContestsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const tenant = await requirePageTenant(org, "feed.read");
  const locale = (await getLocale()) === "en" ? "en" : "fr";
  const [rows, t, format] = await Promise.all([findMyContests(tenant), getTranslations("contests"), getFormatter()]);
  return (
    <section className="space-y-5">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div className="space-y-1">
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="text-slate-700">{t("intro")}</p>
        </div>
        {can(tenant.role, "contests.write") && <Link href={`/${org}/contests/new`} className="btn-primary">{t("new")}</Link>}
      </header>
      {rows.length === 0 ? (
        <p className="card text-slate-700">{t("empty")}</p>
      ) : (
        <ul className="space-y-3">
          {rows.map(({ contest, phase, me }) => (
            <li key={contest.id} className="card space-y-1">
              <Link href={`/${org}/contests/${contest.id}`} className="text-lg font-semibold text-blue-800 underline">{contestName(contest, locale)}</Link>
              <p className="text-sm text-slate-700">
                {t(`phase.${phase}`, { date: format.dateTime(phase === "upcoming" ? contest.startsAt : phase === "closed" ? contest.closedAt! : contest.endsAt, { dateStyle: "medium", timeStyle: "short" }) })}
              </p>
              <p className="font-medium">{me ? `${t("rank_value", { rank: me.rank })} · ${t("points_value", { points: me.points })}` : t("not_ranked")}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
