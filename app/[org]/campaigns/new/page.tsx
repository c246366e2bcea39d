import { getTranslations } from "next-intl/server";
import { requirePageTenant } from "@/lib/auth/session";
import { CampaignForm } from "../_components/campaign-form";

export async function generateMetadata() {
  return { title: (await getTranslations("campaigns.form"))("new_title") };
}

export default async function NewCampaignPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  await requirePageTenant(org, "campaigns.write");
  const t = await getTranslations("campaigns.form");
  return (
    <section className="card mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("new_title")}</h1>
      <CampaignForm org={org} />
    </section>
  );
}
