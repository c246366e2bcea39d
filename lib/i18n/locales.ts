import type { Locale } from "@/db/schema/enums";

export const LOCALES = ["fr", "en"] as const satisfies readonly Locale[];
export const DEFAULT_LOCALE: Locale = "fr";
export const LOCALE_COOKIE = "relais_locale";
// Set by proxy.ts to the workspace a request is for, so the locale can fall back to the
// organisation's language before the browser's.
export const ORG_SLUG_HEADER = "x-relais-org-slug";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

// "fr-CA,fr;q=0.9,en;q=0.8" → the first of our locales the browser accepts, by weight.
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { lang: tag.trim().slice(0, 2).toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  return ranked.map((r) => r.lang).find(isLocale) ?? null;
}

export type LocaleHints = { cookie?: string | null; workspaceLocale?: Locale | null; acceptLanguage?: string | null };

// The language of a request when the person's own choice is unknown: the one they picked
// here before (cookie), then the workspace's, then the browser's.
export function localeFromRequest(hints: LocaleHints): Locale {
  if (isLocale(hints.cookie)) return hints.cookie;
  return hints.workspaceLocale ?? localeFromAcceptLanguage(hints.acceptLanguage) ?? DEFAULT_LOCALE;
}
