import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { orNotFound } from "@/app/_components/or-not-found";
import { can } from "@/lib/auth/permissions";
import { requirePageTenant } from "@/lib/auth/session";
import { findCampaignChoices } from "@/lib/campaigns/queries";
import { contestName, contestText } from "@/lib/contests/pages";
import { findRuleVersions, getContestOrThrow } from "@/lib/contests/queries";
import { ACTION_KINDS, RULE_NETWORKS } from "@/lib/contests/rules";
import { findGroups } from "@/lib/groups/queries";
import { getOrganizationSettings } from "@/lib/organizations/settings";
import { ContestNav } from "../../_components/contest-nav";

export async function generateMetadata() {
  return { title: (await getTranslations("contests.rules"))("title") };
}

// The rules everyone can check: who takes part, the prizes, and every version of the points
// rules with the date it took effect.
export default async function ContestRulesPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const tenant = await requirePageTenant(org, "feed.read");
  const contest = await orNotFound(getContestOrThrow(tenant, id));
  const locale = (await getLocale()) === "en" ? "en" : "fr";
  const [t, tShare, format, versions, groups, campaigns, { timeZone }] = await Promise.all([
    getTranslations("contests.rules"),
    getTranslations("share.networks"),
    getFormatter(),
    findRuleVersions(tenant, id),
    findGroups(tenant),
    findCampaignChoices(tenant),
    getOrganizationSettings(tenant),
  ]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "long", timeStyle: "short", timeZone });
  const groupNames = groups.filter((g) => contest.groupIds.includes(g.id)).map((g) => g.name);
  const campaignNames = campaigns.filter((c) => contest.campaignIds.includes(c.id)).map((c) => c.name);
  const who = [contest.includeStaff && t("who_staff"), contest.includeAdvocates && t("who_advocates")].filter(Boolean).join(", ");
  const cap = (value: number | null) => (value === null ? t("no_cap") : format.number(value));
  return (
    <section className="space-y-5">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{t("title")} — {contestName(contest, locale)}</h1>
        <p>{t("window", { start: when(contest.startsAt), end: when(contest.endsAt), timeZone })}</p>
        <ContestNav org={org} id={id} lead={can(tenant.role, "contests.write")} />
      </header>
      {contestText(contest.rulesTextFr, contest.rulesTextEn, locale) && <p className="card whitespace-pre-line">{contestText(contest.rulesTextFr, contest.rulesTextEn, locale)}</p>}
      <section aria-labelledby="who-title" className="card space-y-1">
        <h2 id="who-title" className="text-lg font-semibold">{t("who")}</h2>
        <p>{who}</p>
        {groupNames.length > 0 && <p>{t("who_groups", { groups: groupNames.join(", ") })}</p>}
        <p>{campaignNames.length ? t("campaigns", { campaigns: campaignNames.join(", ") }) : t("all_campaigns")}</p>
      </section>
      {contest.prizes.length > 0 && (
        <section aria-labelledby="prizes-title" className="card space-y-1">
          <h2 id="prizes-title" className="text-lg font-semibold">{t("prizes")}</h2>
          <ul className="list-disc pl-5">
            {contest.prizes.map((p) => (
              <li key={`${p.fromRank}-${p.toRank}`}>{t("prize_line", { from: p.fromRank, to: p.fromRank === p.toRank ? "same" : String(p.toRank), label: locale === "en" ? p.labelEn : p.labelFr })}</li>
            ))}
          </ul>
          {contest.minScore > 0 && <p>{t("min_score", { points: contest.minScore })}</p>}
        </section>
      )}
      {versions.map((version, i) => (
        <section key={version.id} aria-labelledby={`version-${i}`} className="card space-y-2">
          <h2 id={`version-${i}`} className="text-lg font-semibold">{t("points")} — {t("version", { date: when(version.effectiveFrom) })}</h2>
          {i > 0 && <p className="rounded-lg border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">{t("version_changed", { date: when(version.effectiveFrom) })}</p>}
          <table className="w-full text-left">
            <tbody>
              {RULE_NETWORKS.filter((n) => (version.rules.share[n] ?? 0) > 0).map((n) => (
                <tr key={n} className="border-b border-slate-100"><th scope="row" className="py-1 font-normal">{t("share_on", { network: tShare(n) })}</th><td className="text-right tabular-nums">{version.rules.share[n]}</td></tr>
              ))}
              <tr className="border-b border-slate-100"><th scope="row" className="py-1 font-normal">{t("click")}</th><td className="text-right tabular-nums">{version.rules.click}</td></tr>
              {ACTION_KINDS.filter((k) => (version.rules.action[k] ?? 0) > 0).map((k) => (
                <tr key={k} className="border-b border-slate-100"><th scope="row" className="py-1 font-normal">{t("action", { kind: t(`kinds.${k}`) })}</th><td className="text-right tabular-nums">{version.rules.action[k]}</td></tr>
              ))}
              <tr><th scope="row" className="py-1 font-normal">{t("bonus")}</th><td className="text-right tabular-nums">{version.rules.keyMomentBonus}</td></tr>
            </tbody>
          </table>
          <h3 className="font-semibold">{t("caps")}</h3>
          <ul className="list-disc pl-5">
            {(["daily", "share", "click", "action", "bonus"] as const).map((c) => (
              <li key={c}>{t("cap_line", { label: t(`cap_${c}`), value: cap(version.rules.caps[c]) })}</li>
            ))}
          </ul>
        </section>
      ))}
      <p className="text-sm text-slate-700">{t("not_scored")}</p>
    </section>
  );
}
