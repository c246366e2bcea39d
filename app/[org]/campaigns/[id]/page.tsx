import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { orNotFound } from "@/app/_components/or-not-found";
import { requirePageTenant } from "@/lib/auth/session";
import { formatInZone } from "@/lib/calendar/format";
import { findCampaignPosts, getCampaignOrThrow } from "@/lib/campaigns/queries";
import { findKeyMoments } from "@/lib/key-moments/queries";
import type { Locale } from "@/db/schema/enums";
import { getOrganizationSettings } from "@/lib/organizations/settings";
import { KeyMomentForm } from "../_components/key-moment-form";
import { PostLine } from "../_components/post-line";
import { StatusBadge } from "../_components/status-badge";

export async function generateMetadata({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const tenant = await requirePageTenant(org, "campaigns.write");
  return { title: (await orNotFound(getCampaignOrThrow(tenant, id))).name };
}

export default async function CampaignPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const tenant = await requirePageTenant(org, "campaigns.write");
  const campaign = await orNotFound(getCampaignOrThrow(tenant, id));
  const locale = (await getLocale()) as Locale;
  const [t, { timeZone }, moments, postRows] = await Promise.all([getTranslations("campaigns"), getOrganizationSettings(tenant), findKeyMoments(tenant, id), findCampaignPosts(tenant, id, locale)]);
  const when = (d: Date) => formatInZone(d, locale, timeZone);
  const day = (d: Date | null) => (d ? formatInZone(d, locale, timeZone, { dateStyle: "long" }) : "…");
  const unattached = postRows.filter((p) => !p.keyMomentId || !moments.some((m) => m.id === p.keyMomentId));

  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <p>
          <Link href={`/${org}/campaigns`} className="inline-flex min-h-11 items-center text-blue-800 underline">{t("back")}</Link>
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold">{campaign.name}</h1>
          <StatusBadge kind="campaign" status={campaign.status} />
        </div>
        <p className="text-slate-700">{campaign.startsAt || campaign.endsAt ? t("dates", { start: day(campaign.startsAt), end: day(campaign.endsAt) }) : t("no_dates")}</p>
        {campaign.goal && <p className="whitespace-pre-line">{campaign.goal}</p>}
        {campaign.hashtags.length > 0 && <p className="font-medium text-slate-800">{campaign.hashtags.join(" ")}</p>}
        <p className="text-sm text-slate-700">{t("languages", { languages: campaign.languages.map((l) => t(`form.language_names.${l}`)).join(", ") })}</p>
        <div className="flex flex-wrap gap-2 pt-1">
          <Link href={`/${org}/posts/new?campaign=${id}`} className="btn-primary">{t("new_post")}</Link>
          <Link href={`/${org}/campaigns/${id}/calendar`} className="btn-secondary">{t("calendar_link")}</Link>
          <Link href={`/${org}/campaigns/${id}/edit`} className="btn-secondary">{t("edit")}</Link>
        </div>
      </header>

      {campaign.objectives.length > 0 && (
        <section aria-labelledby="objectives" className="card space-y-2">
          <h2 id="objectives" className="text-lg font-semibold">{t("objectives")}</h2>
          <ul className="list-disc space-y-1 pl-5">
            {campaign.objectives.map((o, i) => (
              <li key={i}>{t("objective", { target: o.target, metric: t(`form.metrics.${o.metric}`), label: o.label })}</li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="moments" className="space-y-3">
        <h2 id="moments" className="text-xl font-semibold">{t("moments.heading")}</h2>
        {moments.length === 0 && <p className="text-slate-700">{t("moments.empty")}</p>}
        <ol className="space-y-3">
          {moments.map((m) => {
            const related = postRows.filter((p) => p.keyMomentId === m.id);
            return (
              <li key={m.id} className="card space-y-2">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <h3 className="text-lg font-semibold">{m.title}</h3>
                  <Link href={`/${org}/campaigns/${id}/moments/${m.id}`} className="btn-secondary" aria-label={t("moments.edit", { title: m.title })}>
                    {t("moments.edit_short")}
                  </Link>
                </div>
                <p className="text-sm text-slate-700">{m.endsAt ? t("moments.range", { start: when(m.startsAt), end: when(m.endsAt) }) : when(m.startsAt)}</p>
                {m.audience && <p className="text-sm">{t("moments.for", { audience: m.audience })}</p>}
                {m.description && <p className="whitespace-pre-line text-slate-800">{m.description}</p>}
                {related.length > 0 && (
                  <ul className="divide-y divide-slate-200 border-t border-slate-200">
                    {related.map((p) => <PostLine key={p.id} org={org} post={p} when={p.publishAt ? when(p.publishAt) : null} />)}
                  </ul>
                )}
                <Link href={`/${org}/posts/new?campaign=${id}&moment=${m.id}`} className="inline-flex min-h-11 items-center text-blue-800 underline">{t("moments.new_post")}</Link>
              </li>
            );
          })}
        </ol>
        <details className="card">
          <summary className="min-h-11 cursor-pointer py-2 font-semibold text-blue-800">{t("moments.add_heading")}</summary>
          <div className="pt-3">
            <KeyMomentForm org={org} campaignId={id} timeZone={timeZone} />
          </div>
        </details>
      </section>

      <section aria-labelledby="posts" className="space-y-3">
        <h2 id="posts" className="text-xl font-semibold">{t("posts_heading")}</h2>
        {unattached.length === 0 ? (
          <p className="text-slate-700">{moments.length ? t("posts_all_in_moments") : t("posts_empty")}</p>
        ) : (
          <ul className="card divide-y divide-slate-200 py-0">
            {unattached.map((p) => <PostLine key={p.id} org={org} post={p} when={p.publishAt ? when(p.publishAt) : null} />)}
          </ul>
        )}
      </section>
    </article>
  );
}
