import { getTranslations } from "next-intl/server";
import { orNotFound } from "@/app/_components/or-not-found";
import { requirePageTenant } from "@/lib/auth/session";
import { dayKey } from "@/lib/calendar/zoned";
import { getCampaignOrThrow } from "@/lib/campaigns/queries";
import { getOrganizationSettings } from "@/lib/organizations/settings";
import { CampaignForm } from "../../_components/campaign-form";

export async function generateMetadata() {
  return { title: (await getTranslations("campaigns.form"))("edit_title") };
}

export default async function EditCampaignPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const tenant = await requirePageTenant(org, "campaigns.write");
  const campaign = await orNotFound(getCampaignOrThrow(tenant, id));
  const { timeZone } = await getOrganizationSettings(tenant);
  const t = await getTranslations("campaigns.form");
  return (
    <section className="card mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("edit_title")}</h1>
      <CampaignForm
        org={org}
        campaign={{
          id: campaign.id,
          name: campaign.name,
          nameEn: campaign.nameEn ?? "",
          slug: campaign.slug,
          goal: campaign.goal ?? "",
          objectives: campaign.objectives,
          hashtags: campaign.hashtags,
          languages: campaign.languages,
          status: campaign.status,
          startsOn: campaign.startsAt ? dayKey(campaign.startsAt, timeZone) : "",
          endsOn: campaign.endsAt ? dayKey(campaign.endsAt, timeZone) : "",
        }}
      />
    </section>
  );
}
