import { and, eq, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Role } from "@/db/schema/enums";

export type Tenant = {
  orgId: string;
  orgSlug: string;
  userId: string | null;
  membershipId: string | null;
  role: Role;
};

export const inOrg = (t: { organizationId: AnyPgColumn }, tenant: Pick<Tenant, "orgId">, ...where: (SQL | undefined)[]) =>
  and(eq(t.organizationId, tenant.orgId), ...where) as SQL;

// Jobs act for the organisation itself, with no person behind them.
export function asSystem(orgId: string, orgSlug = ""): Tenant {
  return { orgId, orgSlug, userId: null, membershipId: null, role: "owner" };
}
