import Link from "next/link";
import { useTranslations } from "next-intl";
import { FEED_NETWORKS, type FeedNetwork } from "@/lib/feed/schemas";

type Filters = { campaign?: string; network?: FeedNetwork };

export function feedHref(org: string, filters: Filters) {
  const query = new URLSearchParams();
  if (filters.campaign) query.set("campaign", filters.campaign);
  if (filters.network) query.set("network", filters.network);
  const qs = query.toString();
  return qs ? `/${org}?${qs}` : `/${org}`;
}

// Filter chips: links, so they work without JavaScript and can be bookmarked or shared.
export function FeedFilters({ org, campaigns, current }: { org: string; campaigns: { id: string; name: string }[]; current: Filters }) {
  const t = useTranslations("feed");
  const rows: { label: string; chips: { key: string; label: string; href: string; active: boolean }[] }[] = [
    {
      label: t("filters.campaign"),
      chips: [
        { key: "all", label: t("filters.all_campaigns"), href: feedHref(org, { ...current, campaign: undefined }), active: !current.campaign },
        ...campaigns.map((c) => ({ key: c.id, label: c.name, href: feedHref(org, { ...current, campaign: c.id }), active: current.campaign === c.id })),
      ],
    },
    {
      label: t("filters.network"),
      chips: [
        { key: "all", label: t("filters.all_networks"), href: feedHref(org, { ...current, network: undefined }), active: !current.network },
        ...FEED_NETWORKS.map((n) => ({ key: n, label: t(`networks.${n}`), href: feedHref(org, { ...current, network: n }), active: current.network === n })),
      ],
    },
  ];
  const active = [campaigns.find((c) => c.id === current.campaign)?.name, current.network && t(`networks.${current.network}`)].filter(Boolean);
  return (
    <nav aria-label={t("filters.label")} className="space-y-2">
      {rows.map((row) => (
        <div key={row.label} className="flex items-center gap-2">
          <span className="shrink-0 text-sm font-semibold text-slate-800">{row.label}</span>
          <ul className="-my-1 flex gap-2 overflow-x-auto py-1">
            {row.chips.map((chip) => (
              <li key={chip.key} className="shrink-0">
                <Link
                  href={chip.href}
                  aria-current={chip.active ? "true" : undefined}
                  className={`inline-flex min-h-11 items-center rounded-full border px-4 text-sm font-medium ${
                    chip.active ? "border-blue-700 bg-blue-700 text-white" : "border-slate-300 bg-white text-slate-900 hover:bg-slate-100"
                  }`}
                >
                  {chip.label}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {active.length > 0 ? (
        <p className="flex flex-wrap items-center gap-x-3 text-sm text-slate-800">
          {t("filters.active", { filters: active.join(" · ") })}
          <Link href={`/${org}`} className="inline-flex min-h-11 items-center text-blue-800 underline">{t("clear_filters")}</Link>
        </p>
      ) : null}
    </nav>
  );
}
