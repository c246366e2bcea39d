// GET/POST /api/auth/* – Auth.js (magic link, OIDC callbacks, sign-out)
import { NextResponse, type NextRequest } from "next/server";
import { handlers } from "@/lib/auth/config";

export const { GET } = handlers;

// Sign-in links are asked for through the sign-in and join forms, which count requests per
// address and per email (lib/rate-limit). Auth.js's own endpoint for it would skip the count.
export async function POST(req: NextRequest) {
  if (/\/signin\/nodemailer\/?$/.test(req.nextUrl.pathname)) {
    return NextResponse.json({ error: { code: "not_found", message: "Ask for a sign-in link on /sign-in" } }, { status: 404 });
  }
  return handlers.POST(req);
}
