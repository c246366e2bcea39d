"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { publicAction, userAction } from "@/lib/action";
import { signIn } from "@/lib/auth/config";
import { AppError } from "@/lib/errors";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { LIMITS } from "@/lib/rate-limit/limits";
import { consumeLimits } from "@/lib/rate-limit/rate-limit";
import { requestClientAddress } from "@/lib/rate-limit/request-address";
import { recordJoinConsent } from "@/lib/privacy/consent";
import { acceptInvitation, createJoinClaim, joinThroughLink } from "./join";
import { getJoinPageInvitation, getJoinPageLink } from "./join-pages";
import { acceptInvitationSchema, joinLinkSchema, type Profile, requestInvitationJoinSchema, requestLinkJoinSchema } from "./join-schemas";

// Someone signed out asks to join: keep what they typed, then let the magic link prove the
// address. The language they picked is remembered for the pages and emails that follow.
// Counted before the claim is written: a refused request leaves no row behind.
async function limitJoinRequests(email: string) {
  await consumeLimits({ limit: LIMITS.joinPerEmail, key: email }, { limit: LIMITS.joinPerAddress, key: await requestClientAddress() });
}

async function sendJoinLink(email: string, claimId: string, profile: Profile) {
  (await cookies()).set(LOCALE_COOKIE, profile.locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  await signIn("nodemailer", { email, redirectTo: `/join/complete?claim=${claimId}`, redirect: false });
  return { email };
}

export const requestLinkJoinAction = publicAction(requestLinkJoinSchema, async ({ code, email, consent: _, ...profile }) => {
  const page = await getJoinPageLink(code);
  if (!page) throw new AppError("not_found", "Invite link not found");
  if (page.state !== "active") throw new AppError("gone", "Invite link no longer valid");
  await limitJoinRequests(email);
  const claim = await createJoinClaim({ organizationId: page.org.id, inviteLinkId: page.link.id, email, profile });
  await recordJoinConsent({ orgId: page.org.id, email });
  return sendJoinLink(email, claim.id, profile);
});

export const requestInvitationJoinAction = publicAction(requestInvitationJoinSchema, async ({ token, consent: _, ...profile }) => {
  const page = await getJoinPageInvitation(token);
  if (!page) throw new AppError("not_found", "Invitation not found");
  if (page.state !== "active") throw new AppError("gone", "Invitation no longer valid");
  const { email } = page.invitation;
  await limitJoinRequests(email);
  const claim = await createJoinClaim({ organizationId: page.org.id, invitationId: page.invitation.id, email, profile });
  await recordJoinConsent({ orgId: page.org.id, email });
  return sendJoinLink(email, claim.id, profile);
});

// Already signed in: one button.
const joinLink = userAction(joinLinkSchema, async (user, { code }) => {
  const result = await joinThroughLink(user.id, code);
  const page = await getJoinPageLink(code);
  if (page && result.joined) await recordJoinConsent({ orgId: page.org.id, userId: user.id, email: user.email });
  return result;
});

export async function joinWithLinkAction(previous: unknown, form: FormData) {
  const result = await joinLink(previous, form);
  if (result.ok) redirect(`/${result.data.slug}`);
  return result;
}

const accept = userAction(acceptInvitationSchema, async (user, { token }) => {
  const page = await getJoinPageInvitation(token);
  const result = await acceptInvitation(user, token);
  if (page && result.joined) await recordJoinConsent({ orgId: page.org.id, userId: user.id, email: user.email });
  return result;
});

export async function acceptInvitationAction(previous: unknown, form: FormData) {
  const result = await accept(previous, form);
  if (result.ok) redirect(`/${result.data.slug}`);
  return result;
}
