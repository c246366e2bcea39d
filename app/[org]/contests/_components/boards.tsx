import { getFormatter, getTranslations } from "next-intl/server";
import type { BoardView } from "@/lib/contests/queries";

// The individual and team boards, shared by the contest page and the big screen.
export async function Boards({ view, highlight, large = false }: { view: BoardView; highlight?: string | null; large?: boolean }) {
  const [t, format] = await Promise.all([getTranslations("contests.board"), getFormatter()]);
  const cell = large ? "px-3 py-2 text-2xl md:text-4xl" : "px-2 py-1";
  return (
    <div className={large ? "grid gap-8 lg:grid-cols-2" : "space-y-5"}>
      <section aria-labelledby="board-members" className="space-y-2">
        <h2 id="board-members" className={large ? "text-3xl font-bold md:text-5xl" : "text-lg font-semibold"}>{t("members")}</h2>
        {view.members.length === 0 ? (
          <p className={large ? "text-2xl text-slate-200" : "text-slate-700"}>{t("empty")}</p>
        ) : (
          <table className="w-full border-collapse text-left">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className={cell}>{t("rank")}</th>
                <th scope="col" className={cell}>{t("name")}</th>
                <th scope="col" className={`${cell} text-right`}>{t("points")}</th>
              </tr>
            </thead>
            <tbody>
              {view.members.map((m) => (
                <tr key={m.membershipId} className={m.membershipId === highlight ? "bg-yellow-100 font-semibold text-slate-900" : large ? "border-b border-slate-700" : "border-b border-slate-100"} data-testid="board-member">
                  <td className={`${cell} tabular-nums`}>{m.rank}</td>
                  <td className={cell}>{m.name}</td>
                  <td className={`${cell} text-right tabular-nums`}>{format.number(m.points)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {view.teams.length > 0 && (
        <section aria-labelledby="board-teams" className="space-y-2">
          <h2 id="board-teams" className={large ? "text-3xl font-bold md:text-5xl" : "text-lg font-semibold"}>{t("teams")}</h2>
          <table className="w-full border-collapse text-left">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className={cell}>{t("team")}</th>
                <th scope="col" className={`${cell} text-right`}>{t("average")}</th>
                <th scope="col" className={`${cell} text-right`}>{t("total")}</th>
                {!large && <th scope="col" className={`${cell} text-right`}>{t("members_count")}</th>}
              </tr>
            </thead>
            <tbody>
              {view.teams.map((team) => (
                <tr key={team.groupId} className="border-b border-slate-100">
                  <td className={cell}>{team.name}</td>
                  <td className={`${cell} text-right tabular-nums`}>{format.number(team.average)}</td>
                  <td className={`${cell} text-right tabular-nums`}>{format.number(team.total)}</td>
                  {!large && <td className={`${cell} text-right tabular-nums`}>{format.number(team.members)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
