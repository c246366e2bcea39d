"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { FieldError, FormError, FormSuccess } from "@/app/_components/form-error";
import { SubmitButton } from "@/app/_components/submit-button";
import { uploadOrganizationLogoAction } from "@/lib/organizations/actions";
import { LOGO_MAX_BYTES, LOGO_TYPES } from "@/lib/organizations/schemas";

export function LogoForm({ org }: { org: string }) {
  const t = useTranslations("settings.logo");
  const tErrors = useTranslations("settings.errors");
  const [state, action] = useActionState(uploadOrganizationLogoAction, null);
  const [tooLarge, setTooLarge] = useState(false);
  const hasError = tooLarge || (state?.ok === false && !!state.fieldErrors?.logo);
  return (
    <form
      action={action}
      className="space-y-3"
      onSubmit={(e) => {
        // Said before the upload, not after a megabyte has crossed a phone connection.
        const file = (e.currentTarget.elements.namedItem("logo") as HTMLInputElement).files?.[0];
        const refuse = !!file && file.size > LOGO_MAX_BYTES;
        setTooLarge(refuse);
        if (refuse) e.preventDefault();
      }}
    >
      <input type="hidden" name="org" value={org} />
      {state?.ok ? <FormSuccess>{t("saved")}</FormSuccess> : null}
      <FormError state={state?.ok === false && !state.fieldErrors ? state : null} />
      <div>
        <label htmlFor="logo" className="label">{t("file")}</label>
        <input
          id="logo"
          name="logo"
          type="file"
          required
          accept={LOGO_TYPES.join(",")}
          className="input file:mr-3 file:rounded-md file:border-0 file:bg-slate-200 file:px-3 file:py-1 file:font-semibold file:text-slate-900"
          aria-describedby={hasError ? "logo-help logo-error" : "logo-help"}
          onChange={() => setTooLarge(false)}
        />
        <p id="logo-help" className="mt-1 text-sm text-slate-700">{t("file_help")}</p>
        {tooLarge ? <p id="logo-error" className="field-error">{tErrors("logo_too_large")}</p> : <FieldError state={state} name="logo" id="logo-error" namespace="settings.errors" />}
      </div>
      <SubmitButton className="btn-secondary w-full sm:w-auto">{t("submit")}</SubmitButton>
    </form>
  );
}
