import { useTranslations } from "next-intl";
import type { FeedPost } from "@/lib/feed/queries";
import { mediaUrl } from "@/lib/media/urls";

// What the post shows before its text: the video, the image or generated testimonial visual
// (the quote itself while the visual is being made), or the link's preview card.
export function PostPreview({ post }: { post: FeedPost }) {
  const t = useTranslations("feed");
  const { testimonial, linkPreview } = post;
  if (post.videoUrl) {
    return <video controls preload="metadata" src={post.videoUrl} aria-label={t("post.video_label")} className="w-full rounded-xl bg-black" />;
  }
  if (post.visualUrl) {
    const alt = testimonial ? t("card.testimonial_alt", { firstName: testimonial.firstName, jobTitle: testimonial.jobTitle, quote: testimonial.quote }) : "";
    // eslint-disable-next-line @next/next/no-img-element -- media are served by our own route
    return <img src={post.visualUrl} alt={alt} className="w-full rounded-xl border border-slate-200 bg-slate-100" />;
  }
  if (testimonial) {
    return (
      <figure className="space-y-2">
        <blockquote lang={post.locale} className="rounded-xl bg-slate-800 px-5 py-6 text-white">
          <p className="text-xl font-semibold">« {testimonial.quote} »</p>
          <footer className="mt-3 text-slate-200">{testimonial.firstName}, {testimonial.jobTitle}</footer>
        </blockquote>
        <figcaption className="text-sm text-slate-700">{t("post.visual_pending")}</figcaption>
      </figure>
    );
  }
  if (linkPreview) {
    return (
      <a href={linkPreview.url} target="_blank" rel="noopener noreferrer" className="block overflow-hidden rounded-xl border border-slate-300 bg-white hover:bg-slate-50">
        {linkPreview.imageMediaId ? (
          // eslint-disable-next-line @next/next/no-img-element -- our stored copy of the linked page's image, never the page's own URL
          <img src={mediaUrl(linkPreview.imageMediaId)} alt="" className="aspect-[1200/627] w-full object-cover" />
        ) : null}
        <span className="block space-y-1 p-4">
          <span className="block truncate text-sm text-slate-700">{linkPreview.siteName ?? new URL(linkPreview.url).hostname}</span>
          <span className="block font-semibold text-slate-900">{linkPreview.title ?? linkPreview.url}</span>
          {linkPreview.description ? <span className="block text-sm text-slate-700">{linkPreview.description}</span> : null}
          <span className="block text-sm font-medium text-blue-800 underline">{t("post.open_link")}</span>
        </span>
      </a>
    );
  }
  return null;
}
