import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

// Download links for exports: an HMAC of what is downloaded and until when, under
// AUTH_SECRET, so the link works without a session (opened from another device) and stops
// working at `expires`.
function signature(path: string, expires: number) {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is needed to sign download links");
  return createHmac("sha256", secret).update(`${path}\n${expires}`).digest("base64url");
}

export function signPath(path: string, expiresAt: Date) {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  return `${path}?expires=${expires}&sig=${signature(path, expires)}`;
}

export function verifySignedPath(path: string, expires: number, sig: string, now = Date.now()) {
  if (expires * 1000 < now) return false;
  const expected = Buffer.from(signature(path, expires));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
