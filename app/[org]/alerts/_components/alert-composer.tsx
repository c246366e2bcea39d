"use client";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { FormError } from "@/app/_components/form-error";
import { SubmitButton } from "@/app/_components/submit-button";
import type { ActionResult } from "@/lib/action";

type Action = (previous: ActionResult<{ id: string }> | null, form: FormData) => Promise<ActionResult<{ id: string }>>;

// The composer's form: on success, straight to the alert's live view.
export function AlertComposer({ action, org, submit, children }: { action: Action; org: string; submit: string; children: React.ReactNode }) {
  const [state, formAction] = useActionState(action, null);
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) router.push(`/${org}/alerts/${state.data.id}/live`);
  }, [state, org, router]);
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="org" value={org} />
      <FormError state={state} />
      {children}
      <SubmitButton className="btn-primary w-full sm:w-auto">{submit}</SubmitButton>
    </form>
  );
}
