// GET /join/complete?claim=… – where the magic link of a join request lands: finish the join
// for the person now signed in, then open their feed.
import { redirect } from "next/navigation";
import { publicRoute } from "@/lib/api";
import { getSessionUser } from "@/lib/auth/session";
import { stripControlCharacters } from "@/lib/input";
import { completeJoinClaim } from "@/lib/invitations/join";
import { safeInAppPath } from "@/lib/net/safe-path";

export const GET = publicRoute(async (req) => {
  const claimId = stripControlCharacters(req.nextUrl.searchParams.get("claim") ?? "");
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/join/complete?claim=${encodeURIComponent(claimId)}`)}`);
  const outcome = await completeJoinClaim(user, claimId);
  redirect(safeInAppPath(outcome.ok ? `/${outcome.slug}` : outcome.retryPath));
});
