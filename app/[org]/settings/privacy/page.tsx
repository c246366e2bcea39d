import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/app/_components/action-form";
import { SubmitButton } from "@/app/_components/submit-button";
import { RefreshWhile } from "@/app/_components/refresh-while";
import { can } from "@/lib/auth/permissions";
import { requirePageTenant } from "@/lib/auth/session";
import { deleteWorkspaceAction, requestWorkspaceExportAction, updatePrivacySettingsAction } from "@/lib/privacy/actions";
import { retentionStatements } from "@/lib/privacy/register";
import { getPrivacySettings } from "@/lib/privacy/settings";
import { findWorkspaceExports, getWorkspaceDeletion, workspaceExportLinks } from "@/lib/privacy/workspace";

export async function generateMetadata() {
  return { title: (await getTranslations("privacy.settings"))("title") };
}

function NumberField({ name, label, help, value, min, max }: { name: string; label: string; help: string; value: number; min: number; max: number }) {
  return (
    <div>
      <label htmlFor={name} className="label">{label}</label>
      <input id={name} name={name} type="number" inputMode="numeric" min={min} max={max} required defaultValue={value} className="input max-w-32" aria-describedby={`${name}-help`} />
      <p id={`${name}-help`} className="text-sm text-slate-700">{help}</p>
    </div>
  );
}

export default async function PrivacySettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const tenant = await requirePageTenant(org, "org.settings");
  const [settings, exports, deletion] = await Promise.all([getPrivacySettings(tenant), findWorkspaceExports(tenant), getWorkspaceDeletion(tenant)]);
  const t = await getTranslations("privacy.settings");
  const kept = await getTranslations("privacy.kept");
  const format = await getFormatter();
  const running = exports.some((e) => e.status === "pending" || e.status === "running") || deletion?.status === "pending" || deletion?.status === "running";
  return (
    <section className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <RefreshWhile pending={running} />
      <section aria-labelledby="kept-title" className="card space-y-2">
        <h2 id="kept-title" className="text-lg font-semibold">{t("kept_title")}</h2>
        <ul className="list-disc space-y-1 pl-5 text-slate-800" data-testid="retention-summary">
          {retentionStatements(settings).map((s) => (
            <li key={s.key}>{kept(s.key, s.values)}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="retention-title" className="card space-y-4">
        <h2 id="retention-title" className="text-lg font-semibold">{t("retention_title")}</h2>
        <ActionForm action={updatePrivacySettingsAction} hidden={{ org }} success={t("saved")} className="space-y-4">
          <NumberField name="importFileDays" label={t("import_file_days")} help={t("import_file_days_help")} value={settings.importFileDays} min={0} max={90} />
          <NumberField name="expiredInviteDays" label={t("expired_invite_days")} help={t("expired_invite_days_help")} value={settings.expiredInviteDays} min={0} max={365} />
          <NumberField name="clickDetailMonths" label={t("click_detail_months")} help={t("click_detail_months_help")} value={settings.clickDetailMonths} min={1} max={36} />
          <NumberField name="auditLogYears" label={t("audit_log_years")} help={t("audit_log_years_help")} value={settings.auditLogYears} min={1} max={10} />
          <div>
            <label htmlFor="privacyNoticeUrl" className="label">{t("notice_url")}</label>
            <input id="privacyNoticeUrl" name="privacyNoticeUrl" type="url" inputMode="url" defaultValue={settings.privacyNoticeUrl ?? ""} className="input" aria-describedby="privacyNoticeUrl-help" />
            <p id="privacyNoticeUrl-help" className="text-sm text-slate-700">{t("notice_url_help")}</p>
          </div>
          <SubmitButton className="btn-primary">{t("save")}</SubmitButton>
        </ActionForm>
      </section>
      <section aria-labelledby="export-title" className="card space-y-3">
        <h2 id="export-title" className="text-lg font-semibold">{t("export_title")}</h2>
        <p className="text-slate-700">{t("export_body")}</p>
        <ul className="space-y-1 text-sm">
          {exports.map((e) => {
            const links = workspaceExportLinks(tenant, e);
            return (
              <li key={e.id}>
                {format.dateTime(e.createdAt, { dateStyle: "medium", timeStyle: "short" })}{" "}
                {links ? (
                  <span className="space-x-3">
                    <a className="text-blue-800 underline" href={links.json}>{t("download_json")}</a>
                    <a className="text-blue-800 underline" href={links.zip}>{t("download_zip")}</a>
                  </span>
                ) : (
                  <span className="text-slate-700">{t(`status.${e.status === "ready" ? "expired" : e.status}`)}</span>
                )}
              </li>
            );
          })}
        </ul>
        <ActionForm action={requestWorkspaceExportAction} hidden={{ org }} success={t("export_started")}>
          <SubmitButton className="btn-secondary">{t("export_request")}</SubmitButton>
        </ActionForm>
      </section>
      {can(tenant.role, "workspace.delete") ? (
        <section aria-labelledby="delete-title" className="card space-y-3 border-red-300">
          <h2 id="delete-title" className="text-lg font-semibold">{t("delete_title")}</h2>
          {deletion && deletion.status !== "ready" ? (
            <div role="status" className="space-y-1">
              <p>{t("delete_progress", { done: deletion.progress, total: deletion.total || 1 })}</p>
              <progress value={deletion.progress} max={deletion.total || 1} className="w-full" aria-label={t("delete_title")} />
            </div>
          ) : (
            <ActionForm action={deleteWorkspaceAction} hidden={{ org }} errors={{ bad_request: t("delete_mismatch") }} className="space-y-2">
              <p className="text-slate-800">{t("delete_body")}</p>
              <label htmlFor="delete-confirm" className="label">{t("delete_confirm", { slug: org })}</label>
              <input id="delete-confirm" name="confirm" autoComplete="off" required className="input" />
              <SubmitButton className="btn-danger">{t("delete_submit")}</SubmitButton>
            </ActionForm>
          )}
        </section>
      ) : null}
    </section>
  );
}
