import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/app/_components/action-form";
import { SubmitButton } from "@/app/_components/submit-button";
import { requirePageTenant } from "@/lib/auth/session";
import { createGroupAction } from "@/lib/groups/actions";
import { findGroupsWithCounts } from "@/lib/groups/queries";

export async function generateMetadata() {
  return { title: (await getTranslations("groups"))("title") };
}

export default async function GroupsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const tenant = await requirePageTenant(org, "groups.write");
  const [groups, t] = await Promise.all([findGroupsWithCounts(tenant), getTranslations("groups")]);
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-700">{t("intro")}</p>

      <section aria-labelledby="create-title" className="card space-y-3">
        <h2 id="create-title" className="text-lg font-semibold">{t("create.title")}</h2>
        <ActionForm
          action={createGroupAction}
          hidden={{ org }}
          errors={{ conflict: t("errors.name_taken"), bad_request: t("errors.name_invalid") }}
          success={t("create.created")}
          className="space-y-3"
        >
          <div>
            <label htmlFor="group-name" className="label">{t("create.name")}</label>
            <input id="group-name" name="name" required maxLength={80} className="input" aria-describedby="group-name-help" autoComplete="off" />
            <p id="group-name-help" className="mt-1 text-sm text-slate-700">{t("create.name_help")}</p>
          </div>
          <SubmitButton className="btn-primary w-full sm:w-auto">{t("create.submit")}</SubmitButton>
        </ActionForm>
      </section>

      {groups.length === 0 ? (
        <p className="card text-slate-700">{t("empty")}</p>
      ) : (
        <ul aria-label={t("list_label")} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {groups.map((group) => (
            <li key={group.id}>
              <Link href={`/${org}/groups/${group.id}`} className="card flex min-h-11 flex-col gap-1 hover:border-blue-400">
                <span className="font-semibold text-blue-800">{group.name}</span>
                <span className="text-sm text-slate-700">{t("member_count", { count: group.memberCount })}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
