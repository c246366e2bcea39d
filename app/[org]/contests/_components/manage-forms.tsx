"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormError, FormSuccess } from "@/app/_components/form-error";
import { SubmitButton } from "@/app/_components/submit-button";
import type { ActionResult } from "@/lib/action";
import { createScreenLinkAction, revokeScreenLinkAction, voidPointsAction } from "@/lib/contests/actions";

export function ScreenLinkForm({ org, id, url }: { org: string; id: string; url: string | null }) {
  const t = useTranslations("contests.manage");
  const [created, create] = useActionState((_: ActionResult | null, form: FormData) => createScreenLinkAction(null, form), null);
  const [revoked, revoke] = useActionState((_: ActionResult | null, form: FormData) => revokeScreenLinkAction(null, form), null);
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">{t("screen_help")}</p>
      {url && (
        <p>
          <label htmlFor="screen-url" className="label">{t("screen_link")}</label>
          <input id="screen-url" readOnly className="input font-mono text-sm" value={url} />
        </p>
      )}
      <FormError state={created} />
      <FormError state={revoked} />
      <div className="flex flex-wrap gap-2">
        <form action={create}>
          <input type="hidden" name="org" value={org} />
          <input type="hidden" name="id" value={id} />
          <SubmitButton className="btn-secondary">{url ? t("screen_replace") : t("screen_create")}</SubmitButton>
        </form>
        {url && (
          <form action={revoke}>
            <input type="hidden" name="org" value={org} />
            <input type="hidden" name="id" value={id} />
            <SubmitButton className="btn-danger">{t("screen_revoke")}</SubmitButton>
          </form>
        )}
      </div>
    </div>
  );
}

export function VoidPointsForm({ org, id, members }: { org: string; id: string; members: { id: string; name: string }[] }) {
  const t = useTranslations("contests.manage");
  const [state, action] = useActionState((_: ActionResult | null, form: FormData) => voidPointsAction(null, form), null);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="id" value={id} />
      <p className="text-sm text-slate-700">{t("void_help")}</p>
      <FormError state={state} />
      {state?.ok && <FormSuccess>{t("voided", { points: (state.data as { reversed: number }).reversed })}</FormSuccess>}
      <div>
        <label htmlFor="void-member" className="label">{t("void_member")}</label>
        <select id="void-member" name="membershipId" className="input" required>
          {members.map((m) => (
            <option key={m.id} value={m.id}>{m.name}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="void-entry" className="label">{t("void_entry")}</label>
        <input id="void-entry" name="entryId" type="number" min={1} inputMode="numeric" className="input" />
      </div>
      <div>
        <label htmlFor="void-reason" className="label">{t("void_reason")}</label>
        <input id="void-reason" name="reason" className="input" required minLength={3} maxLength={500} />
      </div>
      <SubmitButton className="btn-danger">{t("void_submit")}</SubmitButton>
    </form>
  );
}
