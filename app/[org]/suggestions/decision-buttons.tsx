"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { FormError } from "@/app/_components/form-error";
import type { ActionResult } from "@/lib/action";
import { acceptSuggestionAction, declineSuggestionAction } from "@/lib/suggestions/actions";

// Turn into a draft (and open it in the editor) or decline.
export function DecisionButtons({ org, id }: { org: string; id: string }) {
  const t = useTranslations("suggestions.review");
  const router = useRouter();
  const [state, action, pending] = useActionState(async (previous: ActionResult | null, form: FormData) => {
    if (form.get("decision") === "decline") return declineSuggestionAction(previous, form);
    const result = await acceptSuggestionAction(previous, form);
    if (result.ok) router.push(`/${org}/posts/${result.data.postId}/edit`);
    return result;
  }, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="id" value={id} />
      <FormError state={state} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="decision" value="accept" className="btn-primary" disabled={pending}>{t("accept")}</button>
        <button type="submit" name="decision" value="decline" className="btn-secondary" disabled={pending}>{t("decline")}</button>
      </div>
    </form>
  );
}
