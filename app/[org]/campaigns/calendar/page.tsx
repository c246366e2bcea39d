import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageTenant } from "@/lib/auth/session";
import { CalendarView } from "../_components/calendar-view";

export async function generateMetadata() {
  return { title: (await getTranslations("campaigns.calendar"))("title") };
}

export default async function CalendarPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<{ view?: string; date?: string }> }) {
  const { org } = await params;
  const tenant = await requirePageTenant(org, "campaigns.write");
  const [{ view, date }, t] = await Promise.all([searchParams, getTranslations("campaigns")]);
  return (
    <section className="space-y-4">
      <p>
        <Link href={`/${org}/campaigns`} className="inline-flex min-h-11 items-center text-blue-800 underline">{t("back")}</Link>
      </p>
      <h1 className="text-2xl font-bold">{t("calendar.title")}</h1>
      <CalendarView org={org} tenant={tenant} basePath={`/${org}/campaigns/calendar`} view={view} date={date} />
    </section>
  );
}
