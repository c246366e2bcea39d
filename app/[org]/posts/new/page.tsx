import { getTranslations } from "next-intl/server";
import { requirePageTenant } from "@/lib/auth/session";
import { findCampaignChoices } from "@/lib/campaigns/queries";
import { findGroups } from "@/lib/groups/queries";
import { getOrganizationSettings } from "@/lib/organizations/settings";
import { newEditorValues } from "../_components/editor-values";
import { PostEditor } from "../_components/post-editor";

export async function generateMetadata() {
  return { title: (await getTranslations("posts.editor"))("new_title") };
}

export default async function NewPostPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<{ campaign?: string; moment?: string }> }) {
  const { org } = await params;
  const tenant = await requirePageTenant(org, "posts.write");
  const query = await searchParams;
  const [t, campaigns, groups, { timeZone }] = await Promise.all([getTranslations("posts.editor"), findCampaignChoices(tenant), findGroups(tenant), getOrganizationSettings(tenant)]);
  const campaign = campaigns.find((c) => c.id === query.campaign);
  const moment = campaign?.keyMoments.find((m) => m.id === query.moment);
  return (
    <section className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("new_title")}</h1>
      <PostEditor org={org} campaigns={campaigns} groups={groups} timeZone={timeZone} initial={newEditorValues({ campaignId: campaign?.id, keyMomentId: moment?.id, hashtags: campaign?.hashtags })} />
    </section>
  );
}
