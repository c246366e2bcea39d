import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { postStatus } from "@/db/schema/posts";
import type { Locale } from "@/db/schema/enums";
import { requirePageTenant } from "@/lib/auth/session";
import { formatInZone } from "@/lib/calendar/format";
import { getOrganizationSettings } from "@/lib/organizations/settings";
import type { PostStatus } from "@/lib/posts/lifecycle";
import { findPosts } from "@/lib/posts/queries";
import { PostLine } from "../campaigns/_components/post-line";

export async function generateMetadata() {
  return { title: (await getTranslations("posts"))("title") };
}

export default async function PostsPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<{ status?: string }> }) {
  const { org } = await params;
  const tenant = await requirePageTenant(org, "posts.write");
  const { status: rawStatus } = await searchParams;
  const status = (postStatus.enumValues as readonly string[]).includes(rawStatus ?? "") ? (rawStatus as PostStatus) : undefined;
  const locale = (await getLocale()) as Locale;
  const [t, { timeZone }, rows] = await Promise.all([getTranslations("posts"), getOrganizationSettings(tenant), findPosts(tenant, { status, locale })]);
  const filters: (PostStatus | undefined)[] = [undefined, ...postStatus.enumValues];
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <Link href={`/${org}/posts/new`} className="btn-primary">{t("new")}</Link>
      </div>
      <nav aria-label={t("filter_label")} className="overflow-x-auto">
        <ul className="flex gap-1">
          {filters.map((s) => (
            <li key={s ?? "all"}>
              <Link
                href={s ? `/${org}/posts?status=${s}` : `/${org}/posts`}
                aria-current={s === status ? "page" : undefined}
                className="inline-flex min-h-11 items-center whitespace-nowrap rounded-lg px-3 text-sm font-medium text-slate-800 hover:bg-slate-100 aria-[current=page]:bg-slate-900 aria-[current=page]:text-white"
              >
                {s ? t(`statuses.${s}`) : t("all")}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 ? (
        <p className="card text-slate-700">{t("empty")}</p>
      ) : (
        <ul className="card divide-y divide-slate-200 py-0">
          {rows.map((p) => (
            <PostLine key={p.id} org={org} post={p} when={p.publishAt ? formatInZone(p.publishAt, locale, timeZone) : null} />
          ))}
        </ul>
      )}
    </section>
  );
}
