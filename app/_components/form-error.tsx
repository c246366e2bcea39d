"use client";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/action";

// Renders the error of a failed action in the member's language: servers send codes, never prose.
export function FormError({ state }: { state: ActionResult | null | undefined }) {
  const t = useTranslations("errors");
  if (!state || state.ok) return null;
  return (
    <p role="alert" className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-800">
      {t(`codes.${state.code}`)}
    </p>
  );
}

export function FieldError({ state, name, id }: { state: ActionResult | null | undefined; name: string; id?: string }) {
  const t = useTranslations("errors");
  if (!state || state.ok || !state.fieldErrors?.[name]?.length) return null;
  const message = state.fieldErrors[name][0];
  return (
    <p id={id} className="field-error">
      {t.has(`fields.${message}`) ? t(`fields.${message}`) : t("fields.invalid")}
    </p>
  );
}

// The confirmation twin of FormError, announced politely to screen readers.
export function FormSuccess({ children }: { children: React.ReactNode }) {
  return <p role="status" className="rounded-lg border border-green-300 bg-green-50 p-3 text-sm text-green-900">{children}</p>;
}
