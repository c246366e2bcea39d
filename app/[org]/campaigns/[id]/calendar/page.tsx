import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/db/schema/enums";
import { orNotFound } from "@/app/_components/or-not-found";
import { requirePageTenant } from "@/lib/auth/session";
import { nameInLocale } from "@/lib/campaigns/names";
import { getCampaignOrThrow } from "@/lib/campaigns/queries";
import { CalendarView } from "../../_components/calendar-view";

export async function generateMetadata() {
  return { title: (await getTranslations("campaigns.calendar"))("title") };
}

export default async function CampaignCalendarPage({ params, searchParams }: { params: Promise<{ org: string; id: string }>; searchParams: Promise<{ view?: string; date?: string }> }) {
  const { org, id } = await params;
  const tenant = await requirePageTenant(org, "campaigns.write");
  const campaign = await orNotFound(getCampaignOrThrow(tenant, id));
  const [{ view, date }, t, locale] = await Promise.all([searchParams, getTranslations("campaigns"), getLocale()]);
  const name = nameInLocale(campaign.name, campaign.nameEn, locale as Locale);
  return (
    <section className="space-y-4">
      <p>
        <Link href={`/${org}/campaigns/${id}`} className="inline-flex min-h-11 items-center text-blue-800 underline">{t("back_to", { name })}</Link>
      </p>
      <h1 className="text-2xl font-bold">{t("calendar.campaign_title", { name })}</h1>
      <CalendarView org={org} tenant={tenant} basePath={`/${org}/campaigns/${id}/calendar`} campaignId={id} view={view} date={date} />
    </section>
  );
}
