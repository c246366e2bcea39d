// GET /join/invitation/:token/logo – the organisation's logo on an invitation page
import { publicRoute } from "@/lib/api";
import { joinLogoResponse } from "@/lib/invitations/join-logo-response";

export const GET = publicRoute<{ token: string }>(async (_req, { token }) => joinLogoResponse({ token }));
