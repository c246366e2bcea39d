import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm, ConfirmActionForm } from "@/app/_components/action-form";
import { SubmitButton } from "@/app/_components/submit-button";
import { can, canAssignRole, ROLES } from "@/lib/auth/permissions";
import { requirePageTenant } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { findGroups } from "@/lib/groups/queries";
import {
  changeMemberRoleAction,
  deactivateMemberAction,
  reactivateMemberAction,
  removeMemberAction,
  updateMemberGroupsAction,
} from "@/lib/members/actions";
import { getMemberOrThrow } from "@/lib/members/queries";
import type { Tenant } from "@/lib/tenancy";

async function loadMember(tenant: Tenant, membershipId: string) {
  try {
    return await getMemberOrThrow(tenant, membershipId);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function MemberPage({ params }: { params: Promise<{ org: string; membershipId: string }> }) {
  const { org, membershipId } = await params;
  const tenant = await requirePageTenant(org, "members.read");
  const [member, groups, t, tRoles, format] = await Promise.all([
    loadMember(tenant, membershipId),
    findGroups(tenant),
    getTranslations("members"),
    getTranslations("nav.roles"),
    getFormatter(),
  ]);
  const name = member.name || member.email;
  const mayWrite = can(tenant.role, "members.write");
  const mayManage = mayWrite && canAssignRole(tenant.role, member.role);
  const hidden = { org, membershipId: member.id };
  const errors = { conflict: t("errors.last_owner"), forbidden: t("errors.forbidden") };
  const memberGroupIds = new Set(member.groups.map((g) => g.id));

  return (
    <section className="mx-auto max-w-2xl space-y-4">
      <Link href={`/${org}/members`} className="inline-flex min-h-11 items-center text-blue-800 underline">{t("detail.back")}</Link>
      <header className="card space-y-1">
        <h1 className="break-words text-2xl font-bold">{name}</h1>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="font-semibold">{t("detail.email")}</dt>
          <dd className="break-all">{member.email}</dd>
          <dt className="font-semibold">{t("detail.role")}</dt>
          <dd>{tRoles(member.role)}</dd>
          <dt className="font-semibold">{t("detail.status")}</dt>
          <dd>{t(`status.${member.status}`)}</dd>
          <dt className="font-semibold">{t("detail.joined")}</dt>
          <dd>{format.dateTime(member.joinedAt, { dateStyle: "long" })}</dd>
          <dt className="font-semibold">{t("detail.groups")}</dt>
          <dd>{member.groups.length ? member.groups.map((g) => g.name).join(" · ") : t("no_groups")}</dd>
        </dl>
      </header>

      {!mayManage ? (
        <p className="card text-slate-800">{mayWrite ? t("detail.owner_only") : t("detail.read_only")}</p>
      ) : (
        <>
          <section aria-labelledby="role-title" className="card space-y-3">
            <h2 id="role-title" className="text-lg font-semibold">{t("role_form.title")}</h2>
            <ActionForm action={changeMemberRoleAction} hidden={hidden} errors={errors} success={t("role_form.saved")} className="space-y-3">
              <div>
                <label htmlFor="role" className="label">{t("role_form.label")}</label>
                <select id="role" name="role" className="input" defaultValue={member.role}>
                  {ROLES.filter((r) => canAssignRole(tenant.role, r)).map((r) => <option key={r} value={r}>{tRoles(r)}</option>)}
                </select>
              </div>
              <SubmitButton className="btn-primary w-full sm:w-auto">{t("role_form.submit")}</SubmitButton>
            </ActionForm>
          </section>

          <section aria-labelledby="groups-title" className="card space-y-3">
            <h2 id="groups-title" className="text-lg font-semibold">{t("groups_form.title")}</h2>
            {groups.length === 0 ? (
              <p className="text-slate-700">{t("groups_form.none")}</p>
            ) : (
              <ActionForm action={updateMemberGroupsAction} hidden={hidden} errors={errors} success={t("groups_form.saved")} className="space-y-3">
                <fieldset>
                  <legend className="label">{t("groups_form.legend")}</legend>
                  <div className="grid gap-1 sm:grid-cols-2">
                    {groups.map((g) => (
                      <label key={g.id} className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg px-2 hover:bg-slate-100">
                        <input type="checkbox" name="groupIds[]" value={g.id} defaultChecked={memberGroupIds.has(g.id)} className="h-5 w-5" />
                        <span>{g.name}</span>
                      </label>
                    ))}
                  </div>
                </fieldset>
                <SubmitButton className="btn-primary w-full sm:w-auto">{t("groups_form.submit")}</SubmitButton>
              </ActionForm>
            )}
          </section>

          <section aria-labelledby="status-title" className="card space-y-3">
            <h2 id="status-title" className="text-lg font-semibold">{t("status_form.title")}</h2>
            {member.status === "deactivated" ? (
              <ActionForm action={reactivateMemberAction} hidden={hidden} errors={errors} success={t("status_form.reactivated")} className="space-y-3">
                <p className="text-slate-800">{t("status_form.reactivate_help")}</p>
                <SubmitButton className="btn-primary w-full sm:w-auto">{t("status_form.reactivate")}</SubmitButton>
              </ActionForm>
            ) : (
              <>
                <p className="text-slate-800">{t("status_form.deactivate_help")}</p>
                <ConfirmActionForm
                  action={deactivateMemberAction}
                  hidden={hidden}
                  errors={errors}
                  success={t("status_form.deactivated")}
                  trigger={t("status_form.deactivate")}
                  title={t("status_form.deactivate_confirm_title", { name })}
                  body={t("status_form.deactivate_confirm_body")}
                  confirm={t("status_form.deactivate_confirm")}
                  cancel={t("cancel")}
                />
              </>
            )}
          </section>

          <section aria-labelledby="remove-title" className="card space-y-3 border-red-200">
            <h2 id="remove-title" className="text-lg font-semibold">{t("remove.title")}</h2>
            <p className="text-slate-800">{t("remove.help")}</p>
            <ConfirmActionForm
              action={removeMemberAction}
              hidden={hidden}
              errors={errors}
              trigger={t("remove.button")}
              title={t("remove.confirm_title", { name })}
              body={t("remove.confirm_body")}
              confirm={t("remove.confirm")}
              cancel={t("cancel")}
            />
          </section>
        </>
      )}
    </section>
  );
}
