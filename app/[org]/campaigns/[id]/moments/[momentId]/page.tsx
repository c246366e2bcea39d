import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { orNotFound } from "@/app/_components/or-not-found";
import { requirePageTenant } from "@/lib/auth/session";
import { toZonedInput } from "@/lib/calendar/zoned";
import { getKeyMomentOrThrow } from "@/lib/key-moments/queries";
import { getOrganizationSettings } from "@/lib/organizations/settings";
import { DeleteKeyMomentButton } from "../../../_components/delete-key-moment-button";
import { KeyMomentForm } from "../../../_components/key-moment-form";

export async function generateMetadata() {
  return { title: (await getTranslations("campaigns.moments"))("edit_title") };
}

export default async function EditKeyMomentPage({ params }: { params: Promise<{ org: string; id: string; momentId: string }> }) {
  const { org, id, momentId } = await params;
  const tenant = await requirePageTenant(org, "campaigns.write");
  const moment = await orNotFound(getKeyMomentOrThrow(tenant, momentId));
  if (moment.campaignId !== id) notFound();
  const { timeZone } = await getOrganizationSettings(tenant);
  const t = await getTranslations("campaigns.moments");
  return (
    <section className="card mx-auto max-w-2xl space-y-4">
      <p>
        <Link href={`/${org}/campaigns/${id}`} className="inline-flex min-h-11 items-center text-blue-800 underline">{t("back")}</Link>
      </p>
      <h1 className="text-2xl font-bold">{t("edit_title")}</h1>
      <KeyMomentForm
        org={org}
        campaignId={id}
        timeZone={timeZone}
        moment={{
          id: moment.id,
          title: moment.title,
          titleEn: moment.titleEn ?? "",
          description: moment.description ?? "",
          audience: moment.audience ?? "",
          startsAt: toZonedInput(moment.startsAt, timeZone),
          endsAt: toZonedInput(moment.endsAt, timeZone),
        }}
      />
      <DeleteKeyMomentButton org={org} campaignId={id} momentId={moment.id} />
    </section>
  );
}
