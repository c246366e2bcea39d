"use client";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/action";

// A field's zod message ("brand_color_format") in the member's language: this screen's own
// wording first, then the shared one.
export function FieldMessage({ state, name, id }: { state: ActionResult | null; name: string; id: string }) {
  const t = useTranslations("settings.errors");
  const shared = useTranslations("errors.fields");
  const code = state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined;
  if (!code) return null;
  const text = t.has(code) ? t(code) : shared.has(code) ? shared(code) : shared("invalid");
  return <p id={id} className="field-error">{text}</p>;
}
