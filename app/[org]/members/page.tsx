import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can, ROLES } from "@/lib/auth/permissions";
import { requirePageTenant } from "@/lib/auth/session";
import { findGroups } from "@/lib/groups/queries";
import { findMembersPage } from "@/lib/members/queries";
import { parseQuery } from "@/lib/input";
import { decodeCursor, memberListSchema } from "@/lib/members/schemas";
import { membershipStatus } from "@/db/schema/enums";
import { MemberCard } from "./member-card";

export async function generateMetadata() {
  return { title: (await getTranslations("members"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function MembersPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: SearchParams }) {
  const { org } = await params;
  const tenant = await requirePageTenant(org, "members.read");
  const filters = parseQuery(memberListSchema, await searchParams);
  const [page, groups, t, tRoles] = await Promise.all([
    findMembersPage(tenant, { ...filters, groupId: filters.group, cursor: decodeCursor(filters.cursor) }),
    findGroups(tenant),
    getTranslations("members"),
    getTranslations("nav.roles"),
  ]);
  const activeFilters = [filters.role, filters.group, filters.status].filter(Boolean).length;
  const query = (extra: Record<string, string | undefined>) => {
    const entries = Object.entries({ q: filters.q, role: filters.role, group: filters.group, status: filters.status, ...extra }).filter(
      (e): e is [string, string] => !!e[1],
    );
    return `/${org}/members${entries.length ? `?${new URLSearchParams(entries)}` : ""}`;
  };
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700" aria-live="polite">
          {page.totalCapped ? t("count_capped", { count: page.total }) : t("count", { count: page.total })}
        </p>
        {can(tenant.role, "imports.write") ? (
          <Link href={`/${org}/members/import`} className="inline-flex min-h-11 items-center font-medium text-blue-800 underline">{(await getTranslations("invites"))("import_link")}</Link>
        ) : null}
      </div>

      <form role="search" aria-label={t("filters.label")} className="card space-y-3 p-3">
        <div className="flex items-end gap-2">
          <div className="min-w-0 flex-1">
            <label htmlFor="q" className="label">{t("filters.search")}</label>
            <input id="q" name="q" type="search" className="input" defaultValue={filters.q} autoComplete="off" />
          </div>
          <button type="submit" className="btn-primary">{t("filters.apply")}</button>
        </div>
        {/* Folded on a phone so the list starts on the first screen; open while a filter applies. */}
        <details open={activeFilters > 0} className="group">
          <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 font-medium text-blue-800 [&::-webkit-details-marker]:hidden">
            <span aria-hidden="true" className="transition-transform group-open:rotate-90">▸</span>
            {t("filters.more", { count: activeFilters })}
          </summary>
          <div className="grid gap-3 pt-2 sm:grid-cols-3">
            <div>
              <label htmlFor="role" className="label">{t("filters.role")}</label>
              <select id="role" name="role" className="input" defaultValue={filters.role ?? ""}>
                <option value="">{t("filters.any_role")}</option>
                {ROLES.map((r) => <option key={r} value={r}>{tRoles(r)}</option>)}
              </select>
            </div>
            <div>
              <label htmlFor="group" className="label">{t("filters.group")}</label>
              <select id="group" name="group" className="input" defaultValue={filters.group ?? ""}>
                <option value="">{t("filters.any_group")}</option>
                {groups.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
              </select>
            </div>
            <div>
              <label htmlFor="status" className="label">{t("filters.status")}</label>
              <select id="status" name="status" className="input" defaultValue={filters.status ?? ""}>
                <option value="">{t("filters.any_status")}</option>
                {membershipStatus.enumValues.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
              </select>
            </div>
          </div>
        </details>
        {activeFilters > 0 || filters.q ? (
          <Link href={`/${org}/members`} className="inline-flex min-h-11 items-center text-blue-800 underline">{t("filters.reset")}</Link>
        ) : null}
      </form>

      {page.members.length === 0 ? (
        <p className="card text-slate-700">{t("empty")}</p>
      ) : (
        <ul aria-label={t("list_label")} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {page.members.map((member) => (
            <li key={member.id}>
              <MemberCard org={org} member={member} />
            </li>
          ))}
        </ul>
      )}

      {page.nextCursor || filters.cursor ? (
        <nav aria-label={t("pagination.label")} className="flex flex-wrap gap-2">
          {filters.cursor ? <Link href={query({})} className="btn-secondary">{t("pagination.first")}</Link> : null}
          {page.nextCursor ? <Link href={query({ cursor: page.nextCursor })} className="btn-primary">{t("pagination.next")}</Link> : null}
        </nav>
      ) : null}
    </section>
  );
}
