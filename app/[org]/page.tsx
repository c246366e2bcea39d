import { getTranslations } from "next-intl/server";
import { requirePageTenant } from "@/lib/auth/session";

export default async function FeedPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  await requirePageTenant(org, "feed.read");
  const t = await getTranslations("feed");
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="card text-slate-700">{t("empty")}</p>
    </section>
  );
}
