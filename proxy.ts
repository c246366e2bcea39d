import { NextResponse, type NextRequest } from "next/server";

const NOT_WORKSPACES = new Set(["api", "sign-in", "join", "onboarding", "l", "p", "_next", "account", "media"]);

// Tells server components which workspace a request is for, so the locale can fall back to
// the organisation's default before the browser's.
export function proxy(request: NextRequest) {
  const first = request.nextUrl.pathname.split("/")[1] ?? "";
  const headers = new Headers(request.headers);
  headers.delete("x-relais-org-slug");
  if (first && !NOT_WORKSPACES.has(first) && !first.includes(".")) headers.set("x-relais-org-slug", first);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
