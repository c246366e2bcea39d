import { getTranslations } from "next-intl/server";
import { orNotFound } from "@/app/_components/or-not-found";
import { requirePageTenant } from "@/lib/auth/session";
import { findCampaignChoices } from "@/lib/campaigns/queries";
import { contestFormValues } from "@/lib/contests/pages";
import { findRuleVersions, getContestOrThrow, phaseOf, readBoards } from "@/lib/contests/queries";
import { RULE_NETWORKS } from "@/lib/contests/rules";
import { findGroups } from "@/lib/groups/queries";
import { getOrganizationSettings } from "@/lib/organizations/settings";
import { linksConfig } from "@/lib/tracked-links/config";
import { ContestForm } from "../../_components/contest-form";
import { ContestNav } from "../../_components/contest-nav";
import { ScreenLinkForm, VoidPointsForm } from "../../_components/manage-forms";

export async function generateMetadata() {
  return { title: (await getTranslations("contests.form"))("edit_title") };
}

// The lead's page: the contest's settings and points rules, the big-screen link, voids.
export default async function EditContestPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const tenant = await requirePageTenant(org, "contests.write");
  const contest = await orNotFound(getContestOrThrow(tenant, id));
  const [t, tManage, tShare, campaigns, groups, { timeZone }, versions, board] = await Promise.all([
    getTranslations("contests.form"),
    getTranslations("contests.manage"),
    getTranslations("share.networks"),
    findCampaignChoices(tenant),
    findGroups(tenant),
    getOrganizationSettings(tenant),
    findRuleVersions(tenant, id),
    readBoards(contest, null, 500),
  ]);
  const phase = phaseOf(contest);
  const networkLabels = Object.fromEntries(RULE_NETWORKS.map((n) => [n, tShare(n)]));
  const screenUrl = contest.screenToken ? `${linksConfig().APP_URL.replace(/\/+$/, "")}/screen/${contest.screenToken}` : null;
  return (
    <section className="mx-auto max-w-3xl space-y-5">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{t("edit_title")}</h1>
        <ContestNav org={org} id={id} lead />
      </header>
      {phase !== "closed" && (
        <div className="card">
          <ContestForm org={org} values={contestFormValues(contest, versions.at(-1), timeZone)} campaigns={campaigns} groups={groups} timeZone={timeZone} started={phase !== "upcoming"} networkLabels={networkLabels} />
        </div>
      )}
      <section aria-labelledby="screen-title" className="card space-y-2">
        <h2 id="screen-title" className="text-lg font-semibold">{tManage("screen_title")}</h2>
        <ScreenLinkForm org={org} id={id} url={screenUrl} />
      </section>
      {phase !== "closed" && board.members.length > 0 && (
        <section aria-labelledby="void-title" className="card space-y-2">
          <h2 id="void-title" className="text-lg font-semibold">{tManage("void_title")}</h2>
          <VoidPointsForm org={org} id={id} members={board.members.map((m) => ({ id: m.membershipId, name: `${m.name} (${m.points})` }))} />
        </section>
      )}
    </section>
  );
}
