import { NextResponse, type NextRequest } from "next/server";
import { ORG_SLUG_HEADER } from "@/lib/i18n/locales";
import { isMalformedPath } from "@/lib/input";
import { RESERVED_SLUGS } from "@/lib/organizations/reserved-slugs";

// Tells server components which workspace a request is for, so the locale can fall back to
// the organisation's default before the browser's. An address with a control character in
// its path (an id no page has, which PostgreSQL would refuse) is a 400 here.
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (isMalformedPath(pathname)) {
    if (pathname.startsWith("/api/")) return NextResponse.json({ error: { code: "bad_request", message: "Invalid characters in the address" } }, { status: 400 });
    return new NextResponse("Adresse invalide. / Invalid address.", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const first = pathname.split("/")[1] ?? "";
  const headers = new Headers(request.headers);
  headers.delete(ORG_SLUG_HEADER);
  if (first && !RESERVED_SLUGS.has(first) && !first.includes(".")) headers.set(ORG_SLUG_HEADER, first);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
