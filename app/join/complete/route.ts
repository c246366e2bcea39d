// GET /join/complete?claim=… – where the magic link of a join request lands: finish the join
// for the person now signed in, then open their feed.
import { redirect } from "next/navigation";
import type { NextRequest } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { completeJoinClaim } from "@/lib/invitations/join";

export async function GET(req: NextRequest) {
  const claimId = req.nextUrl.searchParams.get("claim") ?? "";
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/join/complete?claim=${claimId}`)}`);
  const outcome = await completeJoinClaim(user, claimId);
  redirect(outcome.ok ? `/${outcome.slug}` : outcome.retryPath);
}
