import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "@/db/schema/enums";
import { AppError } from "@/lib/errors";
import type { Tenant } from "@/lib/tenancy";
import { auth } from "./config";
import { can, type Permission } from "./permissions";
import { getMembershipBySlug, getUserById } from "./queries";

export const getSessionUser = cache(async () => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return getUserById(id);
});

export async function requireUser() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  return user;
}

const loadMembership = cache(async (userId: string, slug: string) => getMembershipBySlug(userId, slug));

// The one door for actions and route handlers: who is asking, in which organisation, may they.
export async function getTenant(slug: string, permission: Permission): Promise<Tenant & { role: Role }> {
  const user = await getSessionUser();
  if (!user) throw new AppError("unauthorized", "Sign in first");
  const row = await loadMembership(user.id, slug);
  // Not a member (or deactivated): the organisation does not exist for this person.
  if (!row || row.membership.status === "deactivated") throw new AppError("not_found", "Organisation not found");
  if (!can(row.membership.role, permission)) throw new AppError("forbidden", "Not allowed");
  return {
    orgId: row.organization.id,
    orgSlug: row.organization.slug,
    userId: user.id,
    membershipId: row.membership.id,
    role: row.membership.role,
  };
}

// Pages: the same check, answered with a sign-in redirect, a 404 or a 403 page.
export async function requirePageTenant(slug: string, permission: Permission) {
  try {
    return await getTenant(slug, permission);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "unauthorized") redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/${slug}`)}`);
    if (error.code === "forbidden") forbidden();
    notFound();
  }
}
