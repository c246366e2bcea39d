import "server-only";
import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, ORG_SLUG_HEADER } from "./locales";

// What the request itself says about its language. Nothing here knows who is signed in, so
// auth (which mails magic links in the visitor's language) can read it without a cycle.
export async function readLocaleHints() {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  return {
    cookie: cookieStore.get(LOCALE_COOKIE)?.value ?? null,
    workspaceSlug: headerStore.get(ORG_SLUG_HEADER),
    acceptLanguage: headerStore.get("accept-language"),
  };
}
