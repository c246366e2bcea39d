import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { orNotFound } from "@/app/_components/or-not-found";
import { can } from "@/lib/auth/permissions";
import { requirePageTenant } from "@/lib/auth/session";
import { contestName } from "@/lib/contests/pages";
import { findPointsHistory, getContestOrThrow, getMemberName } from "@/lib/contests/queries";
import { contestPageQuery } from "@/lib/contests/schemas";
import { parseQuery } from "@/lib/input";
import { ContestNav } from "../../_components/contest-nav";

type Props = { params: Promise<{ org: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations("contests.history"))("title") };
}

// Every line of a member's points: what earned it (this share of this post, this click on
// this link, this call to action) and every reversal with its reason. A lead may read anyone's.
export default async function PointsHistoryPage({ params, searchParams }: Props) {
  const { org, id } = await params;
  const tenant = await requirePageTenant(org, "feed.read");
  const query = parseQuery(contestPageQuery, await searchParams);
  const contest = await orNotFound(getContestOrThrow(tenant, id));
  const lead = can(tenant.role, "contests.write");
  const membershipId = lead && query.member ? query.member : tenant.membershipId;
  const locale = (await getLocale()) === "en" ? "en" : "fr";
  const [t, tShare, tKinds, format] = await Promise.all([getTranslations("contests.history"), getTranslations("share.networks"), getTranslations("contests.rules.kinds"), getFormatter()]);
  const other = membershipId && membershipId !== tenant.membershipId ? await orNotFound(getMemberName(tenant, membershipId)) : null;
  const rows = membershipId ? await findPointsHistory(tenant, id, membershipId, locale) : [];
  const total = rows.reduce((sum, r) => sum + r.points, 0);
  const network = (n: string | null) => (n ? tShare(n as "linkedin") : "");
  const describe = (r: (typeof rows)[number]) => {
    const title = r.postTitle ?? t("untitled");
    switch (r.source) {
      case "share":
        return t("share", { title, network: network(r.network) });
      case "click":
        return t("click", { title, network: network(r.network) });
      case "action":
        return t("action", { kind: r.detail && ["share", "email", "call", "link", "event"].includes(r.detail) ? tKinds(r.detail) : (r.detail ?? "") });
      case "bonus":
        return t("bonus", { moment: r.detail ?? "", title });
      default:
        return t("reversal", { reason: r.reason ?? "" });
    }
  };
  return (
    <section className="space-y-5">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{other ? t("title_of", { name: other }) : t("title")} — {contestName(contest, locale)}</h1>
        <ContestNav org={org} id={id} lead={lead} />
        <p className="font-semibold">{t("total", { points: total })}</p>
      </header>
      {rows.length === 0 ? (
        <p className="card text-slate-700">{t("empty")}</p>
      ) : (
        <ol className="space-y-2">
          {rows.map((r) => (
            <li key={r.id} className={`card flex items-start justify-between gap-3 ${r.source === "reversal" ? "border-red-300 bg-red-50" : ""}`}>
              <div>
                <p>
                  {r.postId && r.source !== "action" ? <Link href={`/${org}/feed/${r.postId}`} className="text-blue-800 underline">{describe(r)}</Link> : describe(r)}
                </p>
                <p className="text-sm text-slate-700">#{r.id} · {format.dateTime(r.occurredAt, { dateStyle: "medium", timeStyle: "short" })}</p>
              </div>
              <p className="text-lg font-bold tabular-nums">{r.points > 0 ? `+${r.points}` : r.points}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
