// GET /join/:code/logo – the organisation's logo on its public join page
import type { NextRequest } from "next/server";
import { joinLogoResponse } from "@/lib/invitations/join-logo-response";

export async function GET(_req: NextRequest, { params }: { params: Promise<{ code: string }> }) {
  return joinLogoResponse({ code: (await params).code });
}
