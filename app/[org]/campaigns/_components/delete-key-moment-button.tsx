"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { FormError } from "@/app/_components/form-error";
import { SubmitButton } from "@/app/_components/submit-button";
import type { ActionResult } from "@/lib/action";
import { deleteKeyMomentAction } from "@/lib/key-moments/actions";

export function DeleteKeyMomentButton({ org, campaignId, momentId }: { org: string; campaignId: string; momentId: string }) {
  const t = useTranslations("campaigns.moments");
  const router = useRouter();
  const [state, action] = useActionState(async (previous: ActionResult | null, form: FormData) => {
    if (!window.confirm(t("delete_confirm"))) return previous;
    const result = await deleteKeyMomentAction(previous, form);
    if (result.ok) router.push(`/${org}/campaigns/${campaignId}`);
    return result;
  }, null);
  return (
    <form action={action} className="space-y-2 border-t border-slate-200 pt-4">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="id" value={momentId} />
      <FormError state={state} />
      <p className="text-sm text-slate-700">{t("delete_help")}</p>
      <SubmitButton className="btn-danger">{t("delete")}</SubmitButton>
    </form>
  );
}
