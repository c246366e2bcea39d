import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageTenant } from "@/lib/auth/session";
import { findFeedCampaigns, findFeedPage } from "@/lib/feed/queries";
import { feedSearchSchema } from "@/lib/feed/schemas";
import { parseQuery } from "@/lib/input";
import { OpenAlerts } from "./alerts/_components/open-alerts";
import { FeedCard } from "./_feed/feed-card";
import { FeedFilters, feedHref } from "./_feed/feed-filters";
import { FeedList } from "./_feed/feed-list";

export async function generateMetadata() {
  return { title: (await getTranslations("feed"))("title") };
}

export default async function FeedPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { org } = await params;
  const tenant = await requirePageTenant(org, "feed.read");
  const { campaign, network, cursor } = parseQuery(feedSearchSchema, await searchParams);
  const [campaigns, page] = await Promise.all([findFeedCampaigns(tenant), findFeedPage(tenant, { campaign, network, cursor })]);
  const t = await getTranslations("feed");
  return (
    <section className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {!cursor && <OpenAlerts tenant={tenant} org={org} />}
      <FeedFilters org={org} campaigns={campaigns} current={{ campaign, network }} />
      {cursor ? (
        <Link href={feedHref(org, { campaign, network })} className="inline-flex min-h-11 items-center text-blue-800 underline">
          {t("back_to_top")}
        </Link>
      ) : null}
      {page.items.length === 0 ? (
        <p className="card text-slate-700">{campaign || network ? t("empty_filtered") : t("empty")}</p>
      ) : (
        // Keyed by the query so that changing a filter starts a fresh list.
        <FeedList key={`${campaign}-${network}-${cursor?.id}`} org={org} campaign={campaign} network={network} nextCursor={page.nextCursor}>
          {page.items.map((item) => (
            <FeedCard key={item.id} org={org} item={item} />
          ))}
        </FeedList>
      )}
    </section>
  );
}
