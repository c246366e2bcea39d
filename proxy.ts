import { NextResponse, type NextRequest } from "next/server";
import { ORG_SLUG_HEADER } from "@/lib/i18n/locales";
import { isMalformedPath } from "@/lib/input";
import { RESERVED_SLUGS } from "@/lib/organizations/reserved-slugs";
import { securityHeaders } from "@/lib/security/headers";

// Puts the security headers (lib/security/headers.ts, a nonce per request) on every answer.
// Tells server components which workspace a request is for, so the locale can fall back to
// the organisation's default before the browser's. An address with a control character in
// its path (an id no page has, which PostgreSQL would refuse) is a 400 here.
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // Served over https: the address itself, or the proxy in front (APP_URL says so).
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https" || (process.env.APP_URL ?? "").startsWith("https://");
  if (isMalformedPath(pathname)) {
    const headers = securityHeaders({ nonce: null, https });
    if (pathname.startsWith("/api/")) return NextResponse.json({ error: { code: "bad_request", message: "Invalid characters in the address" } }, { status: 400, headers });
    return new NextResponse("Adresse invalide. / Invalid address.", { status: 400, headers: { ...headers, "content-type": "text/plain; charset=utf-8" } });
  }
  const nonce = btoa(crypto.randomUUID());
  const secure = securityHeaders({ nonce, https, development: process.env.NODE_ENV === "development" });
  const first = pathname.split("/")[1] ?? "";
  const headers = new Headers(request.headers);
  headers.delete(ORG_SLUG_HEADER);
  if (first && !RESERVED_SLUGS.has(first) && !first.includes(".")) headers.set(ORG_SLUG_HEADER, first);
  // Next reads the nonce from the request's policy and puts it on the scripts it renders.
  headers.set("Content-Security-Policy", secure["Content-Security-Policy"]);
  const response = NextResponse.next({ request: { headers } });
  for (const [name, value] of Object.entries(secure)) response.headers.set(name, value);
  return response;
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
