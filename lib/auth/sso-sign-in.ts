import { hasLinkedAccount, userExistsWithEmail } from "./queries";
import { mayLinkByEmail, type SsoLinkSettings, type SsoProfile } from "./sso-linking";

export const SSO_LINK_REFUSED = "/sign-in?error=sso_link";

// The signIn callback's answer for a provider sign-in (lib/auth/config.ts): true lets Auth.js
// go on, a path sends the person there instead.
// - An account already linked signs in as its owner.
// - Someone signed in (by email) who starts a provider sign-in from their account page links
//   that provider to their own account: Auth.js attaches an unlinked provider account to the
//   current session's person, and they proved both.
// - Otherwise the provider may attach itself to an existing account found by its email only
//   when it vouches for the address (lib/auth/sso-linking.ts); a new address makes a new account.
export async function decideSsoSignIn(
  sso: { provider: string; providerAccountId: string; profile: SsoProfile | undefined; signedInUserId: string | null },
  settings: SsoLinkSettings,
): Promise<true | string> {
  if (await hasLinkedAccount(sso.provider, sso.providerAccountId)) return true;
  if (sso.signedInUserId) return true;
  const email = typeof sso.profile?.email === "string" ? sso.profile.email : null;
  if (!email || !(await userExistsWithEmail(email))) return true;
  return mayLinkByEmail(sso.provider, sso.profile, settings) ? true : SSO_LINK_REFUSED;
}
