import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActionForm, ConfirmActionForm } from "@/app/_components/action-form";
import { SubmitButton } from "@/app/_components/submit-button";
import { requirePageTenant } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { addGroupMemberAction, deleteGroupAction, removeGroupMemberAction, renameGroupAction } from "@/lib/groups/actions";
import { getGroupOrThrow } from "@/lib/groups/queries";
import { findMembersPage } from "@/lib/members/queries";
import { parseQuery } from "@/lib/input";
import { decodeCursor, memberListSchema } from "@/lib/members/schemas";
import type { Tenant } from "@/lib/tenancy";
import { MemberCard } from "../../members/member-card";

const SEARCH_RESULTS = 10;

async function loadGroup(tenant: Tenant, groupId: string) {
  try {
    return await getGroupOrThrow(tenant, groupId);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function GroupPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string; groupId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org, groupId } = await params;
  const tenant = await requirePageTenant(org, "groups.write");
  const group = await loadGroup(tenant, groupId);
  const { q, cursor } = parseQuery(memberListSchema, await searchParams);
  const [members, candidates, t] = await Promise.all([
    findMembersPage(tenant, { groupId: group.id, cursor: decodeCursor(cursor) }),
    q ? findMembersPage(tenant, { q }, SEARCH_RESULTS) : null,
    getTranslations("groups"),
  ]);
  const base = `/${org}/groups/${group.id}`;
  const groupErrors = { conflict: t("errors.name_taken"), bad_request: t("errors.name_invalid") };

  return (
    <section className="mx-auto max-w-3xl space-y-4">
      <Link href={`/${org}/groups`} className="inline-flex min-h-11 items-center text-blue-800 underline">{t("detail.back")}</Link>
      <h1 className="break-words text-2xl font-bold">{group.name}</h1>
      <p className="text-slate-700">{t("member_count", { count: members.total })}</p>

      <section aria-labelledby="add-title" className="card space-y-3">
        <h2 id="add-title" className="text-lg font-semibold">{t("add.title")}</h2>
        <form role="search" className="flex items-end gap-2">
          <div className="min-w-0 flex-1">
            <label htmlFor="q" className="label">{t("add.search")}</label>
            <input id="q" name="q" type="search" className="input" defaultValue={q} autoComplete="off" />
          </div>
          <button type="submit" className="btn-secondary">{t("add.submit")}</button>
        </form>
        {candidates ? (
          candidates.members.length === 0 ? (
            <p className="text-slate-700">{t("add.no_results", { query: q ?? "" })}</p>
          ) : (
            <ul aria-label={t("add.results_label")} className="divide-y divide-slate-200">
              {candidates.members.map((m) => {
                const name = m.name || m.email;
                const inGroup = m.groups.some((g) => g.id === group.id);
                return (
                  <li key={m.id} className="flex items-center justify-between gap-3 py-2">
                    <span className="min-w-0">
                      <span className="block truncate font-medium">{name}</span>
                      <span className="block truncate text-sm text-slate-700">{m.email}</span>
                    </span>
                    {inGroup ? (
                      <span className="shrink-0 text-sm text-slate-700">{t("add.already")}</span>
                    ) : (
                      <ActionForm action={addGroupMemberAction} hidden={{ org, groupId: group.id, membershipId: m.id }}>
                        <SubmitButton className="btn-primary shrink-0">
                          <span aria-hidden="true">{t("add.add")}</span>
                          <span className="sr-only">{t("add.add_member", { name })}</span>
                        </SubmitButton>
                      </ActionForm>
                    )}
                  </li>
                );
              })}
            </ul>
          )
        ) : null}
      </section>

      <section aria-labelledby="members-title" className="space-y-3">
        <h2 id="members-title" className="text-lg font-semibold">{t("detail.members_title")}</h2>
        {members.members.length === 0 ? (
          <p className="card text-slate-700">{t("detail.members_empty")}</p>
        ) : (
          <ul aria-labelledby="members-title" className="grid gap-3 sm:grid-cols-2">
            {members.members.map((m) => (
              <li key={m.id}>
                <MemberCard org={org} member={m} headingLevel={3}>
                  <ActionForm action={removeGroupMemberAction} hidden={{ org, groupId: group.id, membershipId: m.id }}>
                    <SubmitButton className="btn-secondary w-full">
                      <span aria-hidden="true">{t("detail.remove_member_short")}</span>
                      <span className="sr-only">{t("detail.remove_member", { name: m.name || m.email })}</span>
                    </SubmitButton>
                  </ActionForm>
                </MemberCard>
              </li>
            ))}
          </ul>
        )}
        {members.nextCursor || cursor ? (
          <nav aria-label={t("detail.pagination")} className="flex flex-wrap gap-2">
            {cursor ? <Link href={base} className="btn-secondary">{t("detail.first")}</Link> : null}
            {members.nextCursor ? <Link href={`${base}?cursor=${members.nextCursor}`} className="btn-primary">{t("detail.next")}</Link> : null}
          </nav>
        ) : null}
      </section>

      <section aria-labelledby="rename-title" className="card space-y-3">
        <h2 id="rename-title" className="text-lg font-semibold">{t("rename.title")}</h2>
        <ActionForm action={renameGroupAction} hidden={{ org, groupId: group.id }} errors={groupErrors} success={t("rename.saved")} className="space-y-3">
          <div>
            <label htmlFor="rename-name" className="label">{t("rename.name")}</label>
            <input id="rename-name" name="name" required maxLength={80} className="input" defaultValue={group.name} autoComplete="off" />
          </div>
          <SubmitButton className="btn-primary w-full sm:w-auto">{t("rename.submit")}</SubmitButton>
        </ActionForm>
      </section>

      <section aria-labelledby="delete-title" className="card space-y-3">
        <h2 id="delete-title" className="text-lg font-semibold">{t("delete.title")}</h2>
        <p className="text-slate-800">{t("delete.help")}</p>
        <ConfirmActionForm
          action={deleteGroupAction}
          hidden={{ org, groupId: group.id }}
          trigger={t("delete.button")}
          title={t("delete.confirm_title", { name: group.name })}
          body={t("delete.confirm_body")}
          confirm={t("delete.confirm")}
          cancel={t("delete.cancel")}
        />
      </section>
    </section>
  );
}
