import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { accounts } from "@/db/schema";
import { linkedProviders } from "@/lib/auth/queries";
import { decideSsoSignIn, SSO_LINK_REFUSED } from "@/lib/auth/sso-sign-in";
import { createUser, unique } from "@/tests/factories";

const settings = { googleDomains: ["exemple-syndicat.org"], entraIssuer: "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0" };

// A Google profile for `email` that vouches for nothing (a personal account, no Workspace domain).
const personalGoogle = (email: string) => ({ email, email_verified: true, hd: null });

describe("a provider sign-in", () => {
  it("for an address that has an account, unvouched and signed out, is sent to sign in by email first", async () => {
    const user = await createUser();
    expect(await decideSsoSignIn({ provider: "google", providerAccountId: unique("g-"), profile: personalGoogle(user.email), signedInUserId: null }, settings)).toBe(SSO_LINK_REFUSED);
  });

  it("started by that same person once signed in (the account page's link button) goes on, so Auth.js links it to them", async () => {
    const user = await createUser();
    expect(await decideSsoSignIn({ provider: "google", providerAccountId: unique("g-"), profile: personalGoogle(user.email), signedInUserId: user.id }, settings)).toBe(true);
    expect(await decideSsoSignIn({ provider: "microsoft-entra-id", providerAccountId: unique("m-"), profile: { email: user.email, tid: "another-tenant" }, signedInUserId: user.id }, settings)).toBe(true);
  });

  it("of an account already linked signs in, and the account page lists it as linked", async () => {
    const user = await createUser();
    const providerAccountId = unique("g-");
    await db.insert(accounts).values({ userId: user.id, type: "oidc", provider: "google", providerAccountId });
    expect(await decideSsoSignIn({ provider: "google", providerAccountId, profile: personalGoogle(user.email), signedInUserId: null }, settings)).toBe(true);
    expect(await linkedProviders(user.id)).toEqual(["google"]);
  });

  it("for a new address makes a new account", async () => {
    expect(await decideSsoSignIn({ provider: "google", providerAccountId: unique("g-"), profile: personalGoogle(`${unique("new-")}@gmail.com`), signedInUserId: null }, settings)).toBe(true);
  });

  it("vouched for by the listed Workspace domain links by email", async () => {
    const user = await createUser({ email: `${unique("a-")}@exemple-syndicat.org` });
    const profile = { email: user.email, email_verified: true, hd: "exemple-syndicat.org" };
    expect(await decideSsoSignIn({ provider: "google", providerAccountId: unique("g-"), profile, signedInUserId: null }, settings)).toBe(true);
  });
});
