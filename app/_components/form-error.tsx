"use client";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/action";
import type { ErrorCode } from "@/lib/errors";

// The red box every refusal is shown in, read out at once by screen readers.
export function Alert({ id, children }: { id?: string; children: React.ReactNode }) {
  return (
    <p id={id} role="alert" className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-800">
      {children}
    </p>
  );
}

// Renders the error of a failed action in the member's language: servers send codes, never
// prose. A page may give a code a more precise sentence (a "conflict" on a role change means
// "last owner").
export function FormError({ state, messages }: { state: ActionResult | null | undefined; messages?: Partial<Record<ErrorCode, string>> }) {
  const t = useTranslations("errors");
  if (!state || state.ok) return null;
  return <Alert>{messages?.[state.code] ?? t(`codes.${state.code}`)}</Alert>;
}

// A field's zod message ("brand_color_format") in the member's language: the screen's own
// wording (`namespace`) first, then the shared one.
export function FieldError({ state, name, id, namespace }: { state: ActionResult | null | undefined; name: string; id?: string; namespace?: string }) {
  const shared = useTranslations("errors.fields");
  const own = useTranslations(namespace ?? "errors.fields");
  const code = state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined;
  if (!code) return null;
  const text = own.has(code) ? own(code) : shared.has(code) ? shared(code) : shared("invalid");
  return (
    <p id={id} className="field-error">
      {text}
    </p>
  );
}

// The confirmation twin of FormError, announced politely to screen readers.
export function FormSuccess({ children }: { children: React.ReactNode }) {
  return <p role="status" className="rounded-lg border border-green-300 bg-green-50 p-3 text-sm text-green-900">{children}</p>;
}
