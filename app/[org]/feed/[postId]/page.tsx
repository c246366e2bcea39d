import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { FeedBadges } from "@/app/[org]/_feed/feed-badges";
import { Hashtags } from "@/app/[org]/_feed/hashtags";
import { ShareBar } from "@/app/_components/share/share-bar";
import { requirePageTenant } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getFeedPostOrThrow } from "@/lib/feed/queries";
import { FEED_NETWORKS, type FeedNetwork } from "@/lib/feed/schemas";
import { PostPreview } from "./post-preview";

type Params = { params: Promise<{ org: string; postId: string }> };

// A post the member may not see does not exist for them: 404, never 403.
const loadPost = cache(async (org: string, postId: string) => {
  const tenant = await requirePageTenant(org, "feed.read");
  try {
    return await getFeedPostOrThrow(tenant, postId);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Params) {
  const { org, postId } = await params;
  return { title: (await loadPost(org, postId)).title };
}

export default async function FeedPostPage({ params }: Params) {
  const { org, postId } = await params;
  const post = await loadPost(org, postId);
  const [t, format, uiLocale] = await Promise.all([getTranslations("feed"), getFormatter(), getLocale()]);
  const captions = FEED_NETWORKS.flatMap((network): { network: FeedNetwork; text: string; subject: string | null }[] => {
    if (network === "email") return post.email ? [{ network, text: post.email.body, subject: post.email.subject }] : [];
    const text = post.captions[network];
    return text ? [{ network, text, subject: null }] : [];
  });
  const moment = post.keyMoment;
  return (
    <article className="mx-auto max-w-2xl space-y-5">
      <Link href={`/${org}`} className="inline-flex min-h-11 items-center text-blue-800 underline">{t("post.back")}</Link>
      <header className="space-y-2">
        <FeedBadges item={post} />
        <h1 lang={post.locale} className="text-2xl font-bold leading-tight">{post.title}</h1>
        <p className="text-sm text-slate-700">
          <time dateTime={post.publishedAt}>{t("card.published_on", { date: format.dateTime(new Date(post.publishedAt), { dateStyle: "long" }) })}</time>
        </p>
        {post.locale !== uiLocale ? <p className="text-sm text-slate-700">{t("post.only_in", { language: t(`languages.${post.locale}`) })}</p> : null}
      </header>

      <PostPreview post={post} />

      {post.body ? <div lang={post.locale} className="whitespace-pre-line text-slate-900">{post.body}</div> : null}
      <Hashtags tags={post.hashtags} />

      <section aria-labelledby="share-title" className="card space-y-3">
        <h2 id="share-title" className="text-lg font-semibold">{t("post.share")}</h2>
        <ShareBar org={org} postId={post.id} locale={post.locale} />
      </section>

      <section aria-labelledby="captions-title" className="space-y-2">
        <h2 id="captions-title" className="text-lg font-semibold">{t("post.captions")}</h2>
        {captions.length === 0 ? (
          <p className="text-slate-700">{t("post.no_captions")}</p>
        ) : (
          <>
            <p className="text-sm text-slate-700">{t("post.captions_help")}</p>
            <div className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
              {captions.map((caption, index) => (
                <details key={caption.network} open={index === 0} className="group">
                  <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between px-4 font-medium">
                    {t(`networks.${caption.network}`)}
                    <span aria-hidden className="text-slate-600 transition-transform group-open:rotate-180">▾</span>
                  </summary>
                  <div lang={post.locale} className="space-y-2 px-4 pb-4">
                    {caption.subject ? <p className="font-medium">{t("post.email_subject", { subject: caption.subject })}</p> : null}
                    <p className="whitespace-pre-line text-slate-900">{caption.text}</p>
                  </div>
                </details>
              ))}
            </div>
          </>
        )}
      </section>

      {moment ? (
        <section aria-labelledby="moment-title" className="card space-y-1">
          <h2 id="moment-title" className="text-sm font-semibold uppercase tracking-wide text-slate-700">{t("post.key_moment")}</h2>
          <p className="font-semibold">{moment.title}</p>
          <p className="text-sm text-slate-700">
            {moment.endsAt
              ? format.dateTimeRange(new Date(moment.startsAt), new Date(moment.endsAt), { dateStyle: "long" })
              : format.dateTime(new Date(moment.startsAt), { dateStyle: "long" })}
          </p>
        </section>
      ) : null}

      {post.campaign ? (
        <section aria-labelledby="campaign-title" className="card space-y-1">
          <h2 id="campaign-title" className="text-sm font-semibold uppercase tracking-wide text-slate-700">{t("post.campaign")}</h2>
          <p className="font-semibold">{post.campaign.name}</p>
          {post.campaignHashtags.length > 0 ? <p className="text-sm text-blue-800">{post.campaignHashtags.join(" ")}</p> : null}
          <Link href={`/${org}?campaign=${post.campaign.id}`} className="inline-flex min-h-11 items-center text-sm text-blue-800 underline">
            {t("post.campaign_posts", { name: post.campaign.name })}
          </Link>
        </section>
      ) : null}
    </article>
  );
}
