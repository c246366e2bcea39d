import { getTranslations } from "next-intl/server";
import { requirePageTenant } from "@/lib/auth/session";
import { findCampaignChoices } from "@/lib/campaigns/queries";
import { newContestFormValues } from "@/lib/contests/pages";
import { RULE_NETWORKS } from "@/lib/contests/rules";
import { findGroups } from "@/lib/groups/queries";
import { getOrganizationSettings } from "@/lib/organizations/settings";
import { ContestForm } from "../_components/contest-form";

export async function generateMetadata() {
  return { title: (await getTranslations("contests.form"))("new_title") };
}

export default async function NewContestPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const tenant = await requirePageTenant(org, "contests.write");
  const [t, tShare, campaigns, groups, { timeZone }] = await Promise.all([getTranslations("contests.form"), getTranslations("share.networks"), findCampaignChoices(tenant), findGroups(tenant), getOrganizationSettings(tenant)]);
  const networkLabels = Object.fromEntries(RULE_NETWORKS.map((n) => [n, tShare(n)]));
  return (
    <section className="card mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("new_title")}</h1>
      <ContestForm org={org} values={newContestFormValues(timeZone)} campaigns={campaigns} groups={groups} timeZone={timeZone} started={false} networkLabels={networkLabels} />
    </section>
  );
}
