// GET /join/invitation/:token/logo – the organisation's logo on an invitation page
import type { NextRequest } from "next/server";
import { joinLogoResponse } from "@/lib/invitations/join-logo-response";

export async function GET(_req: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  return joinLogoResponse({ token: (await params).token });
}
