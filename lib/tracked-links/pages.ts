import escapeHtml from "escape-html";
import type { Locale } from "@/db/schema/enums";
import { getTranslator } from "@/lib/i18n/translator";

function page(locale: Locale, kind: "not_found" | "unavailable", appUrl: string) {
  const t = getTranslator(locale, "links");
  const action =
    kind === "not_found"
      ? `<a href="${escapeHtml(appUrl)}">${escapeHtml(t("not_found.home"))}</a>`
      : `<a href="">${escapeHtml(t("unavailable.retry"))}</a>`;
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(t(`${kind}.title`))}</title>
<style>body{font-family:system-ui,sans-serif;margin:0;min-height:100dvh;display:grid;place-items:center;background:#f8fafc;color:#0f172a}
main{max-width:32rem;margin:1rem;padding:1.5rem;background:#fff;border:1px solid #e2e8f0;border-radius:.75rem}
h1{font-size:1.5rem;margin:0 0 .75rem}a{display:inline-flex;align-items:center;min-height:44px;padding:0 1rem;margin-top:1rem;border-radius:.5rem;background:#1d4ed8;color:#fff;text-decoration:none;font-weight:600}</style>
</head><body><main><h1>${escapeHtml(t(`${kind}.heading`))}</h1><p>${escapeHtml(t(`${kind}.body`))}</p>${action}</main></body></html>`;
}

export type LinkPages = Record<"not_found" | "unavailable", Record<Locale, Buffer>>;

// The redirect answers these itself (no Next.js on this path), in the visitor's language;
// built once at start.
export function buildLinkPages(appUrl: string): LinkPages {
  const build = (kind: "not_found" | "unavailable") => ({ fr: Buffer.from(page("fr", kind, appUrl)), en: Buffer.from(page("en", kind, appUrl)) });
  return { not_found: build("not_found"), unavailable: build("unavailable") };
}
