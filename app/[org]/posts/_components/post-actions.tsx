"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { FieldError, FormError } from "@/app/_components/form-error";
import { SubmitButton } from "@/app/_components/submit-button";
import type { ActionResult } from "@/lib/action";
import { deletePostAction, reschedulePostAction, setPostPinnedAction, transitionPostAction } from "@/lib/posts/actions";
import type { PersonTransition } from "@/lib/posts/lifecycle";

const PRIMARY: PersonTransition[] = ["submit", "approve", "schedule"];

// The moves this person may make now (computed on the server with the same table), each a
// submit button of one form so an optional note goes with it.
export function TransitionForm({ org, postId, transitions }: { org: string; postId: string; transitions: PersonTransition[] }) {
  const t = useTranslations("posts.review");
  const [state, action] = useActionState(transitionPostAction, null);
  if (!transitions.length) return null;
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="id" value={postId} />
      <FormError state={state} />
      <div>
        <label htmlFor="note" className="label">{t("note")}</label>
        <textarea id="note" name="note" rows={2} className="input" placeholder={t("note_placeholder")} />
      </div>
      <div className="flex flex-wrap gap-2">
        {transitions.map((tr) => (
          <button key={tr} type="submit" name="transition" value={tr} className={PRIMARY.includes(tr) ? "btn-primary" : tr === "expire" ? "btn-danger" : "btn-secondary"}>
            {t(`transitions.${tr}`)}
          </button>
        ))}
      </div>
    </form>
  );
}

export function RescheduleForm({ org, postId, publishAt, expiresAt, canMovePublish, timeZone }: { org: string; postId: string; publishAt: string; expiresAt: string; canMovePublish: boolean; timeZone: string }) {
  const t = useTranslations("posts.review");
  const [state, action] = useActionState(reschedulePostAction, null);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="id" value={postId} />
      <FormError state={state} />
      {state?.ok && <p role="status" className="text-sm text-green-800">{t("times_saved")}</p>}
      <div className="grid gap-3 sm:grid-cols-2">
        {canMovePublish && (
          <div>
            <label htmlFor="r-publishAt" className="label">{t("publish_at")}</label>
            <input id="r-publishAt" name="publishAt" type="datetime-local" step={1} className="input" defaultValue={publishAt} />
            <FieldError state={state} name="publishAt" />
          </div>
        )}
        <div>
          <label htmlFor="r-expiresAt" className="label">{t("expires_at")}</label>
          <input id="r-expiresAt" name="expiresAt" type="datetime-local" step={1} className="input" defaultValue={expiresAt} />
          <FieldError state={state} name="expiresAt" />
        </div>
      </div>
      <p className="text-sm text-slate-700">{t("time_zone_help", { timeZone })}</p>
      <SubmitButton className="btn-secondary">{t("save_times")}</SubmitButton>
    </form>
  );
}

export function PinForm({ org, postId, pinned }: { org: string; postId: string; pinned: boolean }) {
  const t = useTranslations("posts.review");
  const [state, action] = useActionState(setPostPinnedAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="id" value={postId} />
      <input type="hidden" name="pinned" value={pinned ? "false" : "true"} />
      <SubmitButton className="btn-secondary">{pinned ? t("unpin") : t("pin")}</SubmitButton>
      <FormError state={state} />
    </form>
  );
}

export function DeleteDraftForm({ org, postId }: { org: string; postId: string }) {
  const t = useTranslations("posts.review");
  const router = useRouter();
  const [state, action] = useActionState(async (previous: ActionResult | null, form: FormData) => {
    if (!window.confirm(t("delete_confirm"))) return previous;
    const result = await deletePostAction(previous, form);
    if (result.ok) router.push(`/${org}/posts`);
    return result;
  }, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="id" value={postId} />
      <FormError state={state} />
      <SubmitButton className="btn-danger">{t("delete")}</SubmitButton>
    </form>
  );
}
