"use client";
import { useActionState, useEffect, useId, useRef } from "react";
import { FormError, FormSuccess } from "@/app/_components/form-error";
import { SubmitButton } from "@/app/_components/submit-button";
import type { ActionResult } from "@/lib/action";
import type { ErrorCode } from "@/lib/errors";

type Action = (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;
type Messages = { errors?: Partial<Record<ErrorCode, string>>; success?: string };

// The outcome of the last submission, in the member's language.
function ActionMessage({ state, errors, success }: { state: ActionResult | null } & Messages) {
  if (state?.ok) {
    return success ? <FormSuccess>{success}</FormSuccess> : null;
  }
  return <FormError state={state} messages={errors} />;
}

function HiddenFields({ values }: { values?: Record<string, string> }) {
  return Object.entries(values ?? {}).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}

// A form bound to a server action whose fields the page renders as children.
export function ActionForm({
  action,
  hidden,
  className,
  children,
  ...messages
}: { action: Action; hidden?: Record<string, string>; className?: string; children: React.ReactNode } & Messages) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className={className}>
      <HiddenFields values={hidden} />
      <ActionMessage state={state} {...messages} />
      {children}
    </form>
  );
}

// A destructive action behind a confirmation dialog (native <dialog>: focus stays inside,
// Escape cancels).
export function ConfirmActionForm({
  action,
  hidden,
  trigger,
  title,
  body,
  confirm,
  cancel,
  ...messages
}: { action: Action; hidden?: Record<string, string>; trigger: string; title: string; body: string; confirm: string; cancel: string } & Messages) {
  const [state, formAction] = useActionState(action, null);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (state) dialog.current?.close();
  }, [state]);
  return (
    <div className="space-y-2">
      <ActionMessage state={state} {...messages} />
      <button type="button" className="btn-danger" onClick={() => dialog.current?.showModal()}>
        {trigger}
      </button>
      <dialog ref={dialog} aria-labelledby={titleId} className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl bg-white p-0 shadow-xl backdrop:bg-slate-900/60">
        <form action={formAction} className="space-y-4 p-5">
          <HiddenFields values={hidden} />
          <h2 id={titleId} className="text-lg font-bold text-slate-900">{title}</h2>
          <p className="text-slate-800">{body}</p>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <button type="button" className="btn-secondary" onClick={() => dialog.current?.close()} autoFocus>
              {cancel}
            </button>
            <SubmitButton className="btn-danger">{confirm}</SubmitButton>
          </div>
        </form>
      </dialog>
    </div>
  );
}
