import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { orNotFound } from "@/app/_components/or-not-found";
import type { Locale } from "@/db/schema/enums";
import { requirePageTenant } from "@/lib/auth/session";
import { formatInZone } from "@/lib/calendar/format";
import { toZonedInput } from "@/lib/calendar/zoned";
import { mediaUrl } from "@/lib/media/urls";
import { getOrganizationSettings } from "@/lib/organizations/settings";
import { CAPTION_NETWORKS, measureCaption } from "@/lib/posts/caption-limits";
import { availableTransitions, canMoveExpiresAt, canMovePublishAt, checkTransition, isEditable } from "@/lib/posts/lifecycle";
import { getPostDetail } from "@/lib/posts/queries";
import { StatusBadge } from "../../campaigns/_components/status-badge";
import { DeleteDraftForm, PinForm, RescheduleForm, TransitionForm } from "../_components/post-actions";

export async function generateMetadata() {
  return { title: (await getTranslations("posts.review"))("title") };
}

export default async function PostPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const tenant = await requirePageTenant(org, "posts.write");
  const detail = await orNotFound(getPostDetail(tenant, id));
  const locale = (await getLocale()) as Locale;
  const [t, tp, { timeZone }] = await Promise.all([getTranslations("posts.review"), getTranslations("posts"), getOrganizationSettings(tenant)]);
  const { post, variants, audience, events, campaign, keyMoment } = detail;
  const main = variants[locale] ?? variants[locale === "fr" ? "en" : "fr"];
  const authors = { createdBy: post.createdBy, submittedBy: detail.submittedBy, destinationBy: post.pendingLinkAt ? post.pendingLinkBy : null };
  const transitions = availableTransitions(post.status, tenant, authors);
  const ownPost = checkTransition("approve", post.status, tenant, authors) === "own_post";
  const when = (d: Date) => formatInZone(d, locale, timeZone);

  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <p>
          <Link href={campaign ? `/${org}/campaigns/${campaign.id}` : `/${org}/posts`} className="inline-flex min-h-11 items-center text-blue-800 underline">
            {campaign ? t("back_to", { name: campaign.name }) : t("back")}
          </Link>
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold">{main?.title || tp("untitled")}</h1>
          <StatusBadge kind="post" status={post.status} />
          {post.pinned && <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">{tp("pinned")}</span>}
        </div>
        <p className="text-sm text-slate-700">
          {tp(`kinds.${post.kind}`)}
          {keyMoment ? ` · ${t("for_moment", { title: keyMoment.title })}` : ""}
        </p>
      </header>

      <section aria-labelledby="actions" className="card space-y-4">
        <h2 id="actions" className="text-lg font-semibold">{t("actions")}</h2>
        {isEditable(post.status) && <Link href={`/${org}/posts/${id}/edit`} className="btn-primary">{t("edit")}</Link>}
        {ownPost && <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900">{t("own_post")}</p>}
        {post.status === "approved" && !post.publishAt && transitions.includes("schedule") && <p className="text-sm text-slate-800">{t("schedule_now_hint")}</p>}
        <TransitionForm org={org} postId={id} transitions={transitions} />
        {canMoveExpiresAt(post.status) && (
          <RescheduleForm org={org} postId={id} publishAt={toZonedInput(post.publishAt, timeZone)} expiresAt={toZonedInput(post.expiresAt, timeZone)} canMovePublish={canMovePublishAt(post.status)} timeZone={timeZone} />
        )}
        {post.status !== "expired" && <PinForm org={org} postId={id} pinned={post.pinned} />}
        {post.status === "draft" && <DeleteDraftForm org={org} postId={id} />}
      </section>

      <section aria-labelledby="details" className="card space-y-2">
        <h2 id="details" className="text-lg font-semibold">{t("details")}</h2>
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[12rem_1fr]">
          <dt className="font-medium">{t("publish_at")}</dt>
          <dd>{post.publishAt ? when(post.publishAt) : t("not_set")}</dd>
          <dt className="font-medium">{t("expires_at")}</dt>
          <dd>{post.expiresAt ? when(post.expiresAt) : t("not_set")}</dd>
          {post.publishedAt && (
            <>
              <dt className="font-medium">{t("published_at")}</dt>
              <dd>{when(post.publishedAt)}</dd>
            </>
          )}
          <dt className="font-medium">{t("audience")}</dt>
          <dd>
            {audience.length ? audience.map((g) => g.name).join(", ") : t("everyone")}
            {" · "}
            {post.advocatesCanSee ? t("advocates_yes") : t("advocates_no")}
          </dd>
          {post.hashtags.length > 0 && (
            <>
              <dt className="font-medium">{t("hashtags")}</dt>
              <dd>{post.hashtags.join(" ")}</dd>
            </>
          )}
          {post.linkUrl && (
            <>
              <dt className="font-medium">{t("link")}</dt>
              <dd className="break-all">
                <a href={post.linkUrl} className="text-blue-800 underline" rel="noopener noreferrer" target="_blank">{post.linkPreview?.title ?? post.linkUrl}</a>
              </dd>
            </>
          )}
          {post.pendingLinkAt && (
            <>
              <dt className="font-medium">{t("pending_link")}</dt>
              <dd className="break-all">
                {post.pendingLinkUrl ? (
                  <a href={post.pendingLinkUrl} className="text-blue-800 underline" rel="noopener noreferrer" target="_blank">{post.pendingLinkUrl}</a>
                ) : (
                  t("pending_link_public")
                )}
                <span className="block text-sm text-slate-700">{t("pending_link_hint")}</span>
              </dd>
            </>
          )}
        </dl>
        {post.kind === "testimonial" && post.testimonial && (
          <figure className="space-y-2 pt-2">
            {post.visualSquareId ? (
              // eslint-disable-next-line @next/next/no-img-element
              <img src={mediaUrl(post.visualSquareId)} alt={t("visual_alt", { name: post.testimonial.firstName, job: post.testimonial.jobTitle, quote: post.testimonial.quote })} className="w-full max-w-sm rounded-lg border border-slate-200" />
            ) : (
              <p className="text-sm text-slate-700">{t("visual_pending")}</p>
            )}
            <figcaption className="text-sm">{t("testimonial_caption", { name: post.testimonial.firstName, job: post.testimonial.jobTitle })}</figcaption>
          </figure>
        )}
        {post.mediaId && post.kind === "image" && (
          // eslint-disable-next-line @next/next/no-img-element
          <img src={mediaUrl(post.mediaId)} alt={main?.title ?? ""} className="w-full max-w-sm rounded-lg border border-slate-200" />
        )}
        {post.mediaId && post.kind === "video" && <video src={mediaUrl(post.mediaId)} controls className="w-full max-w-sm rounded-lg" aria-label={main?.title ?? ""} />}
      </section>

      {(["fr", "en"] as const).map((l) => {
        const v = variants[l];
        if (!v) return null;
        return (
          <section key={l} aria-labelledby={`variant-${l}`} className="card space-y-3" lang={l}>
            <h2 id={`variant-${l}`} className="text-lg font-semibold">{t(`variant_heading.${l}`)}</h2>
            <p className="font-semibold">{v.title}</p>
            {v.body && <p className="whitespace-pre-line">{v.body}</p>}
            <dl className="space-y-2">
              {CAPTION_NETWORKS.filter((n) => v.captions[n]).map((n) => {
                const m = measureCaption(n, v.captions[n]!);
                return (
                  <div key={n} className="rounded-lg border border-slate-200 p-2">
                    <dt className="text-sm font-semibold">
                      {tp(`editor.networks.${n}`)} <span className="font-normal text-slate-700">({tp("editor.counter", { length: m.length, limit: m.limit })})</span>
                    </dt>
                    <dd className="whitespace-pre-line">{v.captions[n]}</dd>
                  </div>
                );
              })}
              {v.emailSubject && (
                <div className="rounded-lg border border-slate-200 p-2">
                  <dt className="text-sm font-semibold">{tp("editor.email_heading")}</dt>
                  <dd>
                    <p className="font-medium">{v.emailSubject}</p>
                    {v.emailBody && <p className="whitespace-pre-line">{v.emailBody}</p>}
                  </dd>
                </div>
              )}
            </dl>
          </section>
        );
      })}

      <section aria-labelledby="timeline" className="card space-y-2">
        <h2 id="timeline" className="text-lg font-semibold">{t("timeline")}</h2>
        <ol className="space-y-2 border-l-2 border-slate-300 pl-4">
          {events.map((e) => (
            <li key={e.id}>
              <p>
                <span className="font-semibold">{tp(`statuses.${e.toStatus}`)}</span>
                {" · "}
                {e.actorName || e.actorEmail ? t("by", { name: e.actorName || e.actorEmail || "" }) : t("by_scheduler")}
              </p>
              <p className="text-sm text-slate-700">
                <time dateTime={e.createdAt.toISOString()}>{when(e.createdAt)}</time>
              </p>
              {e.note && e.note !== "suggestion" && <p className="text-sm italic">« {e.note} »</p>}
              {e.note === "suggestion" && <p className="text-sm">{t("from_suggestion")}</p>}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
