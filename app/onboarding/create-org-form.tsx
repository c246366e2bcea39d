"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { FieldError, FormError } from "@/app/_components/form-error";
import { SubmitButton } from "@/app/_components/submit-button";
import { createOrganizationAction } from "@/lib/organizations/actions";
import { slugify } from "@/lib/organizations/schemas";

export function CreateOrganizationForm() {
  const t = useTranslations("organizations.create");
  const [state, action] = useActionState(createOrganizationAction, null);
  const [slug, setSlug] = useState("");
  const [touched, setTouched] = useState(false);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormError state={state?.ok === false && !state.fieldErrors ? state : null} />
      <div>
        <label htmlFor="name" className="label">{t("name")}</label>
        <input id="name" name="name" required className="input" onChange={(e) => !touched && setSlug(slugify(e.target.value))} />
        <FieldError state={state} name="name" />
      </div>
      <div>
        <label htmlFor="slug" className="label">{t("slug")}</label>
        <input id="slug" name="slug" required className="input" value={slug} aria-describedby="slug-help" onChange={(e) => { setTouched(true); setSlug(e.target.value); }} />
        <p id="slug-help" className="mt-1 text-sm text-slate-700">{t("slug_help", { slug: slug || "…" })}</p>
        <FieldError state={state} name="slug" />
      </div>
      <div>
        <label htmlFor="defaultLocale" className="label">{t("default_locale")}</label>
        <select id="defaultLocale" name="defaultLocale" className="input" defaultValue="fr">
          <option value="fr">Français</option>
          <option value="en">English</option>
        </select>
      </div>
      <SubmitButton className="btn-primary w-full">{t("submit")}</SubmitButton>
    </form>
  );
}
