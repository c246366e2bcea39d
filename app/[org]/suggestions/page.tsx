import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePageTenant } from "@/lib/auth/session";
import { formatInZone } from "@/lib/calendar/format";
import { getOrganizationSettings } from "@/lib/organizations/settings";
import { findSuggestions } from "@/lib/suggestions/queries";
import { DecisionButtons } from "./decision-buttons";

export async function generateMetadata() {
  return { title: (await getTranslations("suggestions.review"))("title") };
}

export default async function SuggestionsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const tenant = await requirePageTenant(org, "posts.write");
  const [t, locale, { timeZone }, rows] = await Promise.all([getTranslations("suggestions"), getLocale(), getOrganizationSettings(tenant), findSuggestions(tenant)]);
  const pending = rows.filter((r) => r.suggestion.status === "pending");
  const decided = rows.filter((r) => r.suggestion.status !== "pending");
  const item = ({ suggestion: s, suggesterName, suggesterEmail }: (typeof rows)[number], withButtons: boolean) => (
    <li key={s.id} className="card space-y-2">
      {s.url && (
        <p className="break-all">
          <a href={s.url} className="font-medium text-blue-800 underline" target="_blank" rel="noopener noreferrer">{s.url}</a>
        </p>
      )}
      {s.note && <p className="whitespace-pre-line">{s.note}</p>}
      <p className="text-sm text-slate-700">
        {t("review.by", { name: suggesterName || suggesterEmail || t("review.former_member"), date: formatInZone(s.createdAt, locale, timeZone, { dateStyle: "medium" }) })}
        {!withButtons && ` · ${t(`statuses.${s.status}`)}`}
      </p>
      {withButtons && <DecisionButtons org={org} id={s.id} />}
      {s.postId && <Link href={`/${org}/posts/${s.postId}`} className="inline-flex min-h-11 items-center text-blue-800 underline">{t("review.open_draft")}</Link>}
    </li>
  );
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">{t("review.title")}</h1>
      {pending.length === 0 ? <p className="card text-slate-700">{t("review.empty")}</p> : <ul className="space-y-3">{pending.map((r) => item(r, true))}</ul>}
      {decided.length > 0 && (
        <section aria-labelledby="decided" className="space-y-3">
          <h2 id="decided" className="text-lg font-semibold">{t("review.decided")}</h2>
          <ul className="space-y-3">{decided.map((r) => item(r, false))}</ul>
        </section>
      )}
    </section>
  );
}
