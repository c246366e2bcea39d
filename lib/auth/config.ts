import "server-only";
import { randomBytes } from "node:crypto";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth, { type NextAuthConfig } from "next-auth";
import type { Provider } from "next-auth/providers";
import Google from "next-auth/providers/google";
import MicrosoftEntraID from "next-auth/providers/microsoft-entra-id";
import Nodemailer from "next-auth/providers/nodemailer";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { env } from "@/lib/env";
import { localeFromRequest } from "@/lib/i18n/locales";
import { readLocaleHints } from "@/lib/i18n/request-locale";
import { activateInvitedMemberships } from "@/lib/imports/queries";
import { safeInAppPath } from "@/lib/net/safe-path";
import { sendMagicLinkEmail } from "./magic-link-email";
import { getUserLocaleByEmail } from "./queries";
import type { SsoProfile } from "./sso-linking";
import { decideSsoSignIn } from "./sso-sign-in";

function providers(): Provider[] {
  const e = env();
  const list: Provider[] = [
    Nodemailer({
      // The transport lives in lib/email; Auth.js only needs a placeholder here.
      server: e.SMTP_URL || "smtp://localhost:25",
      from: e.EMAIL_FROM,
      maxAge: 60 * 60,
      async sendVerificationRequest({ identifier, url }) {
        // Whoever asks for a magic link is not signed in yet: the address's own language, else
        // what the request says.
        const locale = (await getUserLocaleByEmail(identifier)) ?? localeFromRequest(await readLocaleHints());
        await sendMagicLinkEmail(identifier, url, locale);
      },
    }),
  ];
  // Linking by email is decided in the signIn callback below (lib/auth/sso-linking.ts), which
  // refuses it unless the provider vouches for the address's domain or tenant.
  if (e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET) {
    list.push(Google({ clientId: e.AUTH_GOOGLE_ID, clientSecret: e.AUTH_GOOGLE_SECRET, allowDangerousEmailAccountLinking: true }));
  }
  if (e.AUTH_MICROSOFT_ENTRA_ID_ID && e.AUTH_MICROSOFT_ENTRA_ID_SECRET) {
    list.push(
      MicrosoftEntraID({
        clientId: e.AUTH_MICROSOFT_ENTRA_ID_ID,
        clientSecret: e.AUTH_MICROSOFT_ENTRA_ID_SECRET,
        issuer: e.AUTH_MICROSOFT_ENTRA_ID_ISSUER,
        allowDangerousEmailAccountLinking: true,
      }),
    );
  }
  return list;
}

// Outside production a process without AUTH_SECRET signs with a key of its own, lost at
// restart; production refuses to start without one (lib/env.ts). No secret ships with the code.
const processSecret = randomBytes(32).toString("base64url");

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const e = env();
  // Auth.js builds magic links and callback URLs on AUTH_URL when it is set, else on the
  // request's Host and X-Forwarded-Host, which anyone can write. The public address is APP_URL.
  process.env.AUTH_URL = e.APP_URL;
  const config: NextAuthConfig = {
    adapter: DrizzleAdapter(getDb(), {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    session: { strategy: "database", maxAge: 30 * 24 * 60 * 60 },
    // Every URL comes from AUTH_URL above, so the request's host is never trusted.
    trustHost: true,
    secret: e.AUTH_SECRET ?? processSecret,
    providers: providers(),
    pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in" },
    callbacks: {
      // Where a magic link or a provider sends the person afterwards: only a path of ours.
      redirect({ url, baseUrl }) {
        const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
        return `${baseUrl}${safeInAppPath(path)}`;
      },
      // An SSO sign-in only attaches itself to an existing account when the provider vouches
      // for the address and its tenant or domain; otherwise the person signs in by email.
      // Someone signed in links a provider to their own account (the account page's buttons).
      async signIn({ account, profile }) {
        if (!account || account.type === "email") return true;
        const signedInUserId = (await auth())?.user?.id ?? null;
        const settings = { googleDomains: e.AUTH_GOOGLE_ALLOWED_DOMAINS, entraIssuer: e.AUTH_MICROSOFT_ENTRA_ID_ISSUER };
        return decideSsoSignIn({ provider: account.provider, providerAccountId: account.providerAccountId, profile: profile as SsoProfile | undefined, signedInUserId }, settings);
      },
      session({ session, user }) {
        session.user.id = user.id;
        return session;
      },
    },
    events: {
      // Imported advocates stay "invited" until they first sign in.
      async signIn({ user }) {
        if (user.id) await activateInvitedMemberships(user.id);
      },
    },
  };
  return config;
});

export function enabledSsoProviders() {
  const e = env();
  return {
    google: Boolean(e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET),
    microsoft: Boolean(e.AUTH_MICROSOFT_ENTRA_ID_ID && e.AUTH_MICROSOFT_ENTRA_ID_SECRET),
  };
}
