import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Boards } from "@/app/[org]/contests/_components/boards";
import { LiveRefresh } from "@/app/[org]/contests/_components/live-refresh";
import { contestTopic } from "@/lib/contests/ledger";
import { contestName } from "@/lib/contests/pages";
import { getContestByScreenToken, readBoards } from "@/lib/contests/queries";

type Params = { params: Promise<{ token: string }> };

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Params) {
  const contest = await getContestByScreenToken((await params).token);
  const locale = (await getLocale()) === "en" ? "en" : "fr";
  return { title: contest ? contestName(contest, locale) : "—", robots: { index: false, follow: false } };
}

// The meeting-room screen: large type, no sign-in (the secret link is the key, revoked by
// replacing it), updating by itself while the contest runs.
export default async function ContestScreenPage({ params }: Params) {
  const { token } = await params;
  const contest = await getContestByScreenToken(token);
  if (!contest) notFound();
  const locale = (await getLocale()) === "en" ? "en" : "fr";
  const [view, t] = await Promise.all([readBoards(contest, null, 10), getTranslations("contests")]);
  return (
    <main className="min-h-screen space-y-8 bg-slate-950 p-6 text-white md:p-12">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-4xl font-extrabold md:text-6xl">{t("screen.title", { name: contestName(contest, locale) })}</h1>
        <p className="text-xl text-slate-300">{contest.closedAt ? t("board.frozen") : t("screen.updated")}</p>
      </header>
      <Boards view={view} large />
      {!contest.closedAt && <LiveRefresh url={`/screen/${token}/live`} topic={contestTopic(contest.id)} />}
    </main>
  );
}
