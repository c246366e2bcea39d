"use server";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { locale as localeEnum } from "@/db/schema/enums";
import { publicAction, userAction } from "@/lib/action";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { fromOutside } from "@/lib/input";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { inAppPath } from "@/lib/net/safe-path";
import { LIMITS } from "@/lib/rate-limit/limits";
import { consumeLimits } from "@/lib/rate-limit/rate-limit";
import { requestClientAddress } from "@/lib/rate-limit/request-address";
import { signIn, signOut } from "./config";
import { createSession, deleteAllSessionsOfUser, getUserById, setUserLocale } from "./queries";
import { getSessionUser } from "./session";

const emailSignInSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  callbackUrl: inAppPath,
});

const requestLink = publicAction(emailSignInSchema, async ({ email, callbackUrl }) => {
  await consumeLimits({ limit: LIMITS.magicLinkPerEmail, key: email }, { limit: LIMITS.magicLinkPerAddress, key: await requestClientAddress() });
  await signIn("nodemailer", { email, redirectTo: callbackUrl ?? "/", redirect: false });
  return { email };
});

export async function requestMagicLinkAction(previous: unknown, form: FormData) {
  const result = await requestLink(previous, form);
  if (result.ok) redirect(`/sign-in/check-email?email=${encodeURIComponent(result.data.email)}`);
  return result;
}

const providerSignInSchema = z.object({
  provider: z.enum(["google", "microsoft-entra-id"]),
  callbackUrl: inAppPath.transform((path) => path ?? "/"),
});

// Called with arguments rather than a form, but from the browser all the same: checked alike.
export async function signInWithProviderAction(provider: "google" | "microsoft-entra-id", callbackUrl = "/") {
  const parsed = fromOutside(providerSignInSchema).safeParse({ provider, callbackUrl });
  if (!parsed.success) return;
  await signIn(parsed.data.provider, { redirectTo: parsed.data.callbackUrl });
}

const SESSION_COOKIE = "authjs.session-token";

// Development sign-in: only when AUTH_DEV_LOGIN=1 (the demo sets it). Creates the same
// database session a magic link would.
const devLogin = publicAction(z.object({ userId: z.string().min(1) }), async ({ userId }) => {
  if (!env().AUTH_DEV_LOGIN) throw new AppError("forbidden", "Development sign-in is disabled");
  const user = await getUserById(userId);
  if (!user) throw new AppError("not_found", "No such user");
  const token = randomBytes(32).toString("hex");
  const expires = new Date(Date.now() + 30 * 24 * 3600 * 1000);
  await createSession(user.id, token, expires);
  const secure = env().APP_URL.startsWith("https://");
  (await cookies()).set(secure ? `__Secure-${SESSION_COOKIE}` : SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure,
    expires,
  });
  return user;
});

export async function devLoginAction(form: FormData) {
  const result = await devLogin(form);
  if (result.ok) redirect("/");
  redirect("/sign-in?error=dev_login");
}

export async function signOutAction() {
  await signOut({ redirectTo: "/sign-in" });
}

const signOutEverywhere = userAction(z.object({}), async (user) => {
  await deleteAllSessionsOfUser(user.id);
});

export async function signOutEverywhereAction() {
  await signOutEverywhere({});
  redirect("/sign-in");
}

const localeSchema = z.object({ locale: z.enum(localeEnum.enumValues) });

// Signed in: saved on the person. Signed out (join page, sign-in): a cookie.
export async function setLocaleAction(form: FormData) {
  const parsed = localeSchema.safeParse({ locale: form.get("locale") });
  if (!parsed.success) return;
  const user = await getSessionUser();
  if (user) await setUserLocale(user.id, parsed.data.locale);
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
}
