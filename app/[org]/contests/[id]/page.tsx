import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { requirePageTenant } from "@/lib/auth/session";
import { contestTopic } from "@/lib/contests/ledger";
import { contestName, contestText } from "@/lib/contests/pages";
import { getContestOrThrow, phaseOf, readBoards } from "@/lib/contests/queries";
import { orNotFound } from "@/app/_components/or-not-found";
import { Boards } from "../_components/boards";
import { ContestNav } from "../_components/contest-nav";
import { LiveRefresh } from "../_components/live-refresh";

type Params = { params: Promise<{ org: string; id: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations("contests.nav"))("board") };
}

// The leaderboards, the member's own points, rank and gap to the next rank, live.
export default async function ContestPage({ params }: Params) {
  const { org, id } = await params;
  const tenant = await requirePageTenant(org, "feed.read");
  const contest = await orNotFound(getContestOrThrow(tenant, id));
  const locale = (await getLocale()) === "en" ? "en" : "fr";
  const [view, t, format] = await Promise.all([readBoards(contest, tenant.membershipId), getTranslations("contests"), getFormatter()]);
  const phase = phaseOf(contest);
  const lead = can(tenant.role, "contests.write");
  const me = view.me;
  return (
    <section className="space-y-5">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{contestName(contest, locale)}</h1>
        <p className="text-slate-700">{contestText(contest.descriptionFr, contest.descriptionEn, locale)}</p>
        <p className="text-sm text-slate-700">
          {t(`phase.${phase}`, { date: format.dateTime(phase === "upcoming" ? contest.startsAt : phase === "closed" ? contest.closedAt! : contest.endsAt, { dateStyle: "medium", timeStyle: "short" }) })} ·{" "}
          {phase === "closed" ? t("board.frozen") : t("board.live")}
        </p>
        <ContestNav org={org} id={id} lead={lead} />
      </header>

      <section aria-labelledby="me-title" className="card">
        <h2 id="me-title" className="sr-only">{t("your_rank")}</h2>
        <dl className="grid grid-cols-2 gap-2 text-center" aria-live="polite">
          <div>
            <dt className="text-sm text-slate-700">{t("your_rank")}</dt>
            <dd className="text-3xl font-bold tabular-nums" data-testid="my-rank">{me ? t("rank_value", { rank: me.rank }) : "—"}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">{t("your_points")}</dt>
            <dd className="text-3xl font-bold tabular-nums" data-testid="my-points">{me ? format.number(me.points) : "0"}</dd>
          </div>
        </dl>
        <p className="mt-2 text-center font-medium">{!me ? t("not_ranked") : me.gapToNext === null ? t("first") : t("gap", { points: me.gapToNext, rank: me.nextRank ?? me.rank - 1 })}</p>
      </section>

      {contest.results && contest.results.winners.length > 0 && (
        <section aria-labelledby="winners-title" className="card space-y-2">
          <h2 id="winners-title" className="text-lg font-semibold">{t("winners.title")}</h2>
          <ul className="space-y-1">
            {contest.results.winners.map((w) => (
              <li key={w.membershipId}>{t("winners.item", { rank: w.rank, name: w.name, points: w.points, prize: locale === "en" ? w.prizeEn : w.prizeFr })}</li>
            ))}
          </ul>
        </section>
      )}

      <Boards view={view} highlight={tenant.membershipId} />
      {lead && (
        <p>
          <a href={`/api/orgs/${org}/contests/${id}/export`} className="btn-secondary" download>{t("nav.export")}</a>
        </p>
      )}
      {phase !== "closed" && <LiveRefresh url={`/api/orgs/${org}/contests/${id}/live`} topic={contestTopic(id)} />}
    </section>
  );
}
