"use client";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useState } from "react";
import { FieldError, FormError, FormSuccess } from "@/app/_components/form-error";
import type { Locale } from "@/db/schema/enums";
import { updateOrganizationSettingsAction } from "@/lib/organizations/actions";
import { brandPalette } from "@/lib/organizations/brand";

type Settings = { slug: string; name: string; defaultLocale: Locale; brandColor: string; timeZone: string };

// "America/Toronto" → grouped under "America", listed as "Toronto".
function groupTimeZones(zones: readonly string[]) {
  const groups = new Map<string, string[]>();
  for (const zone of zones) {
    const region = zone.includes("/") ? zone.slice(0, zone.indexOf("/")) : "Etc";
    groups.set(region, [...(groups.get(region) ?? []), zone]);
  }
  return [...groups];
}

export function SettingsForm({ settings, timeZones }: { settings: Settings; timeZones: readonly string[] }) {
  const t = useTranslations("settings.general");
  const tErrors = useTranslations("settings.errors");
  const [state, action, pending] = useActionState(updateOrganizationSettingsAction, null);
  const [slug, setSlug] = useState(settings.slug);
  const [color, setColor] = useState(settings.brandColor);
  const validColor = /^#[0-9a-fA-F]{6}$/.test(color) ? color.toLowerCase() : settings.brandColor;
  const palette = brandPalette(validColor);
  const slugTaken = state?.ok === false && state.code === "conflict";
  const describe = (name: string, help?: string) => [help, state?.ok === false && state.fieldErrors?.[name] ? `${name}-error` : undefined].filter(Boolean).join(" ") || undefined;
  return (
    // Submitted by hand rather than through `action=`: React resets a form after its action,
    // which would wipe what the admin typed whenever a field is refused.
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        startTransition(() => action(form));
      }}
    >
      <input type="hidden" name="org" value={settings.slug} />
      {state?.ok ? <FormSuccess>{t("saved")}</FormSuccess> : null}
      <FormError state={state?.ok === false && !state.fieldErrors && !slugTaken ? state : null} />
      <div>
        <label htmlFor="name" className="label">{t("name")}</label>
        <input id="name" name="name" required className="input" defaultValue={settings.name} aria-describedby={describe("name")} />
        <FieldError state={state} name="name" id="name-error" namespace="settings.errors" />
      </div>
      <div>
        <label htmlFor="slug" className="label">{t("slug")}</label>
        <input
          id="slug"
          name="slug"
          required
          className="input"
          value={slug}
          onChange={(e) => setSlug(e.target.value)}
          autoCapitalize="none"
          spellCheck={false}
          aria-describedby={slugTaken ? "slug-help slug-error" : describe("slug", "slug-help")}
        />
        <p id="slug-help" className="mt-1 text-sm text-slate-700">{t("slug_help", { slug: slug || "…" })}</p>
        {slugTaken ? <p id="slug-error" className="field-error">{tErrors("slug_taken")}</p> : <FieldError state={state} name="slug" id="slug-error" namespace="settings.errors" />}
      </div>
      <div>
        <label htmlFor="defaultLocale" className="label">{t("default_locale")}</label>
        <select id="defaultLocale" name="defaultLocale" className="input" defaultValue={settings.defaultLocale} aria-describedby="defaultLocale-help">
          <option value="fr" lang="fr">Français</option>
          <option value="en" lang="en">English</option>
        </select>
        <p id="defaultLocale-help" className="mt-1 text-sm text-slate-700">{t("default_locale_help")}</p>
      </div>
      <div>
        <label htmlFor="timeZone" className="label">{t("time_zone")}</label>
        <select id="timeZone" name="timeZone" className="input" defaultValue={settings.timeZone} aria-describedby={describe("timeZone", "timeZone-help")}>
          {groupTimeZones(timeZones).map(([region, zones]) => (
            <optgroup key={region} label={region}>
              {zones.map((zone) => (
                <option key={zone} value={zone}>{zone.replaceAll("_", " ")}</option>
              ))}
            </optgroup>
          ))}
        </select>
        <p id="timeZone-help" className="mt-1 text-sm text-slate-700">{t("time_zone_help")}</p>
        <FieldError state={state} name="timeZone" id="timeZone-error" namespace="settings.errors" />
      </div>
      <div>
        <label htmlFor="brandColor" className="label">{t("brand_color")}</label>
        <div className="flex items-center gap-2">
          <input
            type="color"
            aria-label={t("brand_color_picker")}
            value={validColor}
            onChange={(e) => setColor(e.target.value)}
            className="h-11 w-14 shrink-0 cursor-pointer rounded-lg border border-slate-500 bg-white p-1"
          />
          <input
            id="brandColor"
            name="brandColor"
            required
            className="input font-mono"
            value={color}
            onChange={(e) => setColor(e.target.value)}
            autoCapitalize="none"
            spellCheck={false}
            aria-describedby={describe("brandColor", "brandColor-help")}
          />
        </div>
        <p id="brandColor-help" className="mt-1 text-sm text-slate-700">{t("brand_color_help")}</p>
        <FieldError state={state} name="brandColor" id="brandColor-error" namespace="settings.errors" />
        <p className="mt-2 inline-flex min-h-11 items-center rounded-lg px-4 font-semibold" style={{ backgroundColor: palette.brand, color: palette.onBrand }}>
          {t("preview")} · {settings.name}
        </p>
      </div>
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending} aria-busy={pending}>{t("submit")}</button>
    </form>
  );
}
