import { getRequestConfig } from "next-intl/server";
import type { Locale } from "@/db/schema/enums";
import { getSessionUser } from "@/lib/auth/session";
import { getOrganizationLocaleBySlug } from "@/lib/organizations/settings";
import { isLocale, localeFromRequest } from "./locales";
import { loadMessages } from "./messages";
import { readLocaleHints } from "./request-locale";

// A member's own choice wins; the workspace's language only counts for someone signed in.
async function resolveRequestLocale(): Promise<Locale> {
  const user = await getSessionUser().catch(() => null);
  if (user?.locale) return user.locale;
  const hints = await readLocaleHints();
  // The cookie decides before the workspace does: no query when it is set.
  const lookUpWorkspace = user && hints.workspaceSlug && !isLocale(hints.cookie);
  const workspaceLocale = lookUpWorkspace ? await getOrganizationLocaleBySlug(hints.workspaceSlug!) : null;
  return localeFromRequest({ ...hints, workspaceLocale });
}

export default getRequestConfig(async ({ locale: requested }) => {
  const locale = requested === "fr" || requested === "en" ? requested : await resolveRequestLocale();
  return { locale, messages: loadMessages(locale), timeZone: "America/Toronto" };
});
