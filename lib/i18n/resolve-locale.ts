import "server-only";
import { cookies, headers } from "next/headers";
import type { Locale } from "@/db/schema/enums";
import { getSessionUser } from "@/lib/auth/session";
import { getOrganizationLocaleBySlug } from "@/lib/organizations/queries";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, localeFromAcceptLanguage } from "./locales";

export const ORG_SLUG_HEADER = "x-relais-org-slug";

// A member's own choice wins; then the organisation whose page this is; then the browser.
export async function resolveRequestLocale(): Promise<Locale> {
  const user = await getSessionUser().catch(() => null);
  if (user?.locale) return user.locale;
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  const fromCookie = cookieStore.get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  const slug = headerStore.get(ORG_SLUG_HEADER);
  if (slug && user) {
    const orgLocale = await getOrganizationLocaleBySlug(slug);
    if (orgLocale) return orgLocale;
  }
  return localeFromAcceptLanguage(headerStore.get("accept-language")) ?? DEFAULT_LOCALE;
}
