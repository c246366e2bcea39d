import { createHash, randomBytes } from "node:crypto";

// The raw token only ever travels in the invitation email; the database keeps its hash, so a
// leaked backup cannot be turned into working invitations.
export function newInvitationToken() {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

export const INVITATION_TTL_MS = 14 * 24 * 3600 * 1000;
