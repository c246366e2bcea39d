import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { mediaUrl } from "@/lib/media/urls";
import { linksConfig } from "@/lib/tracked-links/config";
import { getPublicPost } from "@/lib/tracked-links/public-post";
import { parseDestination } from "@/lib/tracked-links/utm";

type Params = { params: Promise<{ id: string }> };

// Where a tracked link of a post without an external link leads, and what every network's
// crawler reads for the preview card. Published posts only: anything else is a 404.
const loadPost = cache(async (id: string) => {
  const locale = (await getLocale()) === "en" ? "en" : "fr";
  const post = await getPublicPost(id, locale);
  if (!post) notFound();
  return post;
});

function summary(body: string, max = 200) {
  const flat = body.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  const post = await loadPost(id);
  const t = await getTranslations("links");
  const appUrl = linksConfig().APP_URL.replace(/\/+$/, "");
  const description = summary(post.body) || t("public_post.shared_by", { org: post.orgName });
  const images = post.visualId ? [{ url: `${appUrl}${mediaUrl(post.visualId)}`, alt: t("public_post.visual_alt", { title: post.title }) }] : undefined;
  return {
    title: post.title,
    description,
    metadataBase: new URL(appUrl),
    alternates: { canonical: `/p/${post.id}` },
    openGraph: {
      type: "article",
      title: post.title,
      description,
      url: `/p/${post.id}`,
      siteName: post.orgName,
      locale: post.locale === "fr" ? "fr_CA" : "en_CA",
      images,
    },
    twitter: { card: images ? "summary_large_image" : "summary", title: post.title, description, images },
  };
}

export default async function PublicPostPage({ params }: Params) {
  const { id } = await params;
  const post = await loadPost(id);
  const t = await getTranslations("links");
  const destination = parseDestination(post.linkUrl);
  return (
    <main id="main" className="mx-auto max-w-2xl space-y-4 p-4 sm:p-8">
      <p className="text-sm font-medium text-slate-700">{t("public_post.shared_by", { org: post.orgName })}</p>
      <article lang={post.locale} className="card space-y-4">
        {post.visualId ? (
          <img src={mediaUrl(post.visualId)} alt={t("public_post.visual_alt", { title: post.title })} className="w-full rounded-lg" />
        ) : null}
        <h1 className="text-2xl font-bold leading-tight">{post.title}</h1>
        {post.body ? <div className="whitespace-pre-line text-slate-900">{post.body}</div> : null}
        {destination ? (
          <a href={destination.toString()} className="btn-primary" rel="noopener">
            {t("public_post.read_more")}
          </a>
        ) : null}
      </article>
    </main>
  );
}
