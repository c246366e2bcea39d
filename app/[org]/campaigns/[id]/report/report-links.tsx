"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConfirmActionForm } from "@/app/_components/action-form";
import { FormError, FormSuccess } from "@/app/_components/form-error";
import { SubmitButton } from "@/app/_components/submit-button";
import { createReportLinkAction, revokeReportLinkAction } from "@/lib/analytics/actions";

// Read-only links for people outside Relais: made here, revoked here.
export function ReportLinks({ org, campaignId, links }: { org: string; campaignId: string; links: { id: string; revoked: boolean; expires: string }[] }) {
  const t = useTranslations("analytics");
  const [state, action] = useActionState(createReportLinkAction, null);
  const created = state?.ok ? `${window.location.origin}${state.data.path}` : null;
  return (
    <section aria-labelledby="report-links-title" className="card space-y-3 print:hidden">
      <h2 id="report-links-title" className="text-lg font-semibold">{t("share_links")}</h2>
      <p className="text-sm text-slate-700">{t("share_links_intro")}</p>
      <form action={action} className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="org" value={org} />
        <input type="hidden" name="campaignId" value={campaignId} />
        <div>
          <label htmlFor="report-link-days" className="label">{t("link_days")}</label>
          <input id="report-link-days" name="days" type="number" min={1} max={365} defaultValue={30} className="input" />
        </div>
        <SubmitButton className="btn-primary">{t("create_link")}</SubmitButton>
      </form>
      <FormError state={state} />
      {created ? (
        <FormSuccess>
          <span data-testid="report-link">{t("link_created", { url: created })}</span>
        </FormSuccess>
      ) : null}
      <ul className="space-y-2">
        {links.map((link) => (
          <li key={link.id} className="flex flex-wrap items-center justify-between gap-2">
            <span>{link.revoked ? t("link_revoked") : t("link_expires", { date: link.expires })}</span>
            {link.revoked ? null : (
              <ConfirmActionForm
                action={revokeReportLinkAction}
                hidden={{ org, id: link.id }}
                trigger={t("revoke")}
                title={t("revoke_title")}
                body={t("revoke_confirm")}
                confirm={t("revoke")}
                cancel={t("cancel")}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
