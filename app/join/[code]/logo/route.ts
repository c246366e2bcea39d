// GET /join/:code/logo – the organisation's logo on its public join page
import { publicRoute } from "@/lib/api";
import { joinLogoResponse } from "@/lib/invitations/join-logo-response";

export const GET = publicRoute<{ code: string }>(async (_req, { code }) => joinLogoResponse({ code }));
