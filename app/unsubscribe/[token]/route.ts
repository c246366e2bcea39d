// POST /unsubscribe/:token – one-click unsubscribe (RFC 8058: mail clients POST
// "List-Unsubscribe=One-Click" here); GET shows a page whose button does the same POST, so a
// link scanner fetching the URL unsubscribes nobody.
import escapeHtml from "escape-html";
import { z } from "zod";
import { publicRoute } from "@/lib/api";
import { getTranslator } from "@/lib/i18n/translator";
import { readUnsubscribeToken } from "@/lib/notifications/secrets";
import { unsubscribeMembership } from "@/lib/notifications/preferences";

const tokenSchema = z.object({ token: z.string().min(3).max(200) });

const locale = (req: Request) => (/^en\b/i.test(req.headers.get("accept-language") ?? "") ? "en" : "fr");

function page(lang: "fr" | "en", body: string, status = 200) {
  const t = getTranslator(lang, "alerts.unsubscribe");
  return new Response(
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(t("title"))}</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem"><main><h1>${escapeHtml(t("title"))}</h1>${body}</main></body></html>`,
    { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } },
  );
}

export const GET = publicRoute<{ token: string }>(async (req, params) => {
  const lang = locale(req);
  const t = getTranslator(lang, "alerts.unsubscribe");
  const parsed = tokenSchema.safeParse(params);
  if (!parsed.success || !readUnsubscribeToken(parsed.data.token)) return page(lang, `<p>${escapeHtml(t("invalid"))}</p>`, 404);
  return page(lang, `<p>${escapeHtml(t("confirm"))}</p><form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit" style="min-height:44px;padding:0 1rem">${escapeHtml(t("button"))}</button></form>`);
});

export const POST = publicRoute<{ token: string }>(async (req, params) => {
  const lang = locale(req);
  const t = getTranslator(lang, "alerts.unsubscribe");
  const parsed = tokenSchema.safeParse(params);
  const membershipId = parsed.success ? readUnsubscribeToken(parsed.data.token) : null;
  if (!membershipId || !(await unsubscribeMembership(membershipId))) return page(lang, `<p>${escapeHtml(t("invalid"))}</p>`, 404);
  return page(lang, `<p role="status">${escapeHtml(t("done"))}</p>`);
});
