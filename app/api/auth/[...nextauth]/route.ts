// GET/POST /api/auth/* – Auth.js (magic link, OIDC callbacks, sign-out)
import { handlers } from "@/lib/auth/config";

export const { GET, POST } = handlers;
