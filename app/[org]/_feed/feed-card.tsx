import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { FeedItem } from "@/lib/feed/queries";
import { FeedBadges } from "./feed-badges";
import { Hashtags } from "./hashtags";

// One post in the feed. Rendered on the server for the first page and in the browser for
// the pages "load more" brings, so it uses only hooks that work in both.
export function FeedCard({ org, item }: { org: string; item: FeedItem }) {
  const t = useTranslations("feed.card");
  const format = useFormatter();
  const { testimonial, linkPreview } = item;
  const alt = testimonial ? t("testimonial_alt", { firstName: testimonial.firstName, jobTitle: testimonial.jobTitle, quote: testimonial.quote }) : "";
  return (
    <li>
      <article className="relative overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm focus-within:ring-2 focus-within:ring-blue-700">
        {item.imageUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- media are served by our own route, sized by the uploader
          <img src={item.imageUrl} alt={alt} loading="lazy" className="aspect-[1200/627] w-full bg-slate-100 object-cover" />
        ) : testimonial ? (
          <blockquote lang={item.locale} className="border-b border-slate-200 bg-slate-800 px-4 py-5 text-white">
            <p className="text-lg font-semibold">« {testimonial.quote} »</p>
            <footer className="mt-2 text-sm text-slate-200">{testimonial.firstName}, {testimonial.jobTitle}</footer>
          </blockquote>
        ) : linkPreview ? (
          <div className="border-b border-slate-200 bg-slate-50 px-4 py-3">
            <p className="truncate text-sm text-slate-700">{linkPreview.siteName ?? hostOf(linkPreview.url)}</p>
            {linkPreview.title ? <p className="line-clamp-2 text-sm font-medium text-slate-900">{linkPreview.title}</p> : null}
          </div>
        ) : null}
        <div className="space-y-2 p-4">
          <FeedBadges item={item} />
          <h2 lang={item.locale} className="text-lg font-bold leading-snug">
            {/* The whole card is the link's touch target. */}
            <Link href={`/${org}/feed/${item.id}`} className="after:absolute after:inset-0 focus:outline-none">
              {item.title}
            </Link>
          </h2>
          {item.excerpt ? <p lang={item.locale} className="line-clamp-3 text-slate-700">{item.excerpt}</p> : null}
          <p className="text-sm text-slate-700">
            {item.campaign ? <span className="font-medium">{item.campaign.name} · </span> : null}
            <time dateTime={item.publishedAt}>{t("published_on", { date: format.dateTime(new Date(item.publishedAt), { dateStyle: "long" }) })}</time>
          </p>
          <Hashtags tags={item.hashtags} className="text-sm" />
        </div>
      </article>
    </li>
  );
}

function hostOf(url: string) {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}
