import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/app/_components/action-form";
import { SubmitButton } from "@/app/_components/submit-button";
import { findMembershipsOfUser } from "@/lib/auth/queries";
import { cancelAccountDeletionAction, leaveOrganizationAction, requestAccountDeletionAction, requestPersonalDataExportAction } from "@/lib/privacy/actions";
import { getAccountDeletion } from "@/lib/privacy/delete-account";
import { findPersonalDataExports, personalExportLinks } from "@/lib/privacy/export-personal-data";
import { findSoleOwnerships } from "@/lib/privacy/last-owner";
import { RefreshWhile } from "@/app/_components/refresh-while";

// The account page's "your data" part: download it, leave an organisation, delete the account.
export async function AccountPrivacy({ user }: { user: { id: string; email: string } }) {
  const t = await getTranslations("privacy.account");
  const format = await getFormatter();
  const [exports, deletion, soleOwner, orgs] = await Promise.all([
    findPersonalDataExports(user.id),
    getAccountDeletion(user.id),
    findSoleOwnerships(user.id),
    findMembershipsOfUser(user.id),
  ]);
  const pending = exports.some((e) => e.status === "pending" || e.status === "running");
  return (
    <>
      <section aria-labelledby="data-title" className="card space-y-3">
        <h2 id="data-title" className="font-semibold">{t("export.title")}</h2>
        <p className="text-sm text-slate-700">{t("export.body")}</p>
        <RefreshWhile pending={pending} />
        <ul className="space-y-2" aria-live="polite">
          {exports.map((e) => {
            const links = personalExportLinks(e);
            return (
              <li key={e.id} className="text-sm">
                <span>{t("export.requested", { date: format.dateTime(e.createdAt, { dateStyle: "medium", timeStyle: "short" }) })}</span>{" "}
                {links ? (
                  <span className="space-x-3">
                    <a className="text-blue-800 underline" href={links.json}>{t("export.download_json")}</a>
                    <a className="text-blue-800 underline" href={links.zip}>{t("export.download_zip")}</a>
                    <span className="text-slate-700">{t("export.until", { date: format.dateTime(e.expiresAt!, { dateStyle: "medium" }) })}</span>
                  </span>
                ) : (
                  <span className="text-slate-700">{t(`export.status.${e.status === "ready" ? "expired" : e.status}`)}</span>
                )}
              </li>
            );
          })}
        </ul>
        <ActionForm action={requestPersonalDataExportAction} success={t("export.started")}>
          <SubmitButton className="btn-secondary w-full">{t("export.request")}</SubmitButton>
        </ActionForm>
      </section>

      {orgs.length ? (
        <section aria-labelledby="leave-title" className="card space-y-3">
          <h2 id="leave-title" className="font-semibold">{t("leave.title")}</h2>
          {orgs.map((org) => (
            <ActionForm key={org.orgId} action={leaveOrganizationAction} hidden={{ org: org.slug }} errors={{ conflict: t("leave.last_owner") }} className="space-y-2 border-t border-slate-200 pt-3">
              <fieldset className="space-y-1">
                <legend className="font-medium">{t("leave.org", { name: org.name })}</legend>
                <label className="flex items-start gap-2 text-sm">
                  <input type="radio" name="choice" value="keep" defaultChecked className="mt-1" />
                  <span>{t("leave.keep")}</span>
                </label>
                <label className="flex items-start gap-2 text-sm">
                  <input type="radio" name="choice" value="erase" className="mt-1" />
                  <span>{t("leave.erase")}</span>
                </label>
              </fieldset>
              <SubmitButton className="btn-secondary">{t("leave.submit", { name: org.name })}</SubmitButton>
            </ActionForm>
          ))}
        </section>
      ) : null}

      <section aria-labelledby="delete-title" className="card space-y-3">
        <h2 id="delete-title" className="font-semibold">{t("delete.title")}</h2>
        {deletion ? (
          <>
            <p role="status" className="text-slate-800">{t("delete.scheduled", { date: format.dateTime(deletion.eraseAfter, { dateStyle: "long" }) })}</p>
            <ActionForm action={cancelAccountDeletionAction} success={t("delete.cancelled")}>
              <SubmitButton className="btn-secondary w-full">{t("delete.cancel")}</SubmitButton>
            </ActionForm>
          </>
        ) : soleOwner.length ? (
          <p className="text-slate-800">{t("delete.hand_over", { orgs: soleOwner.map((o) => o.name).join(", ") })}</p>
        ) : (
          <ActionForm action={requestAccountDeletionAction} errors={{ bad_request: t("delete.mismatch"), conflict: t("delete.hand_over_short") }} className="space-y-2">
            <p className="text-sm text-slate-700">{t("delete.body")}</p>
            <label htmlFor="delete-confirm" className="label">{t("delete.confirm_label", { email: user.email })}</label>
            <input id="delete-confirm" name="confirm" type="email" autoComplete="off" required className="input" />
            <SubmitButton className="btn-danger w-full">{t("delete.submit")}</SubmitButton>
          </ActionForm>
        )}
      </section>
    </>
  );
}
