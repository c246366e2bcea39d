import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z, ZodError, type ZodType } from "zod";
import { getSessionUser, getTenant } from "@/lib/auth/session";
import type { Permission } from "@/lib/auth/permissions";
import { AppError, isRefusedValue, isUniqueViolation, pgErrorCode, type ErrorCode } from "@/lib/errors";
import { formDataToObject } from "@/lib/form-data";
import { fromOutside } from "@/lib/input";
import type { Tenant } from "@/lib/tenancy";
import type { User } from "@/db/schema";

export type ActionResult<T = unknown> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; fieldErrors?: Record<string, string[]> };

const orgField = fromOutside(z.object({ org: z.string().min(1) }));

function toInput(a: unknown, b: unknown) {
  // Works both as `action(input)` and as `useActionState`'s `(previousState, formData)`.
  const raw = b === undefined ? a : b;
  return raw instanceof FormData ? formDataToObject(raw) : raw;
}

function toFailure(error: unknown): ActionResult<never> {
  unstable_rethrow(error);
  if (error instanceof ZodError) {
    return { ok: false, code: "bad_request", fieldErrors: z.flattenError(error).fieldErrors as Record<string, string[]> };
  }
  if (error instanceof AppError) return { ok: false, code: error.code };
  if (isUniqueViolation(error)) return { ok: false, code: "conflict" };
  if (isRefusedValue(error)) {
    // A value no schema caught, refused by PostgreSQL: the caller's input, not a bug of ours.
    console.warn("[action] input refused by the database", pgErrorCode(error));
    return { ok: false, code: "bad_request" };
  }
  console.error("[action] unexpected error", error);
  return { ok: false, code: "internal" };
}

// Server actions scoped to a workspace: parse → authorize (role and organisation) → run.
// The input carries the workspace slug as `org`; the tenant, never the input, decides the org.
export function orgAction<S extends ZodType, T>(
  schema: S,
  permission: Permission,
  fn: (tenant: Tenant, input: z.output<S>) => Promise<T>,
) {
  // The permission rides along for the cross-organisation test, which runs each action as
  // the most senior role that must be refused.
  const action = async (a: unknown, b?: unknown): Promise<ActionResult<T>> => {
    try {
      const raw = toInput(a, b);
      const { org } = orgField.parse(raw);
      const tenant = await getTenant(org, permission);
      const input = fromOutside(schema).parse(raw);
      return { ok: true, data: await fn(tenant, input) };
    } catch (error) {
      return toFailure(error);
    }
  };
  return Object.assign(action, { permission });
}

// Server actions for a signed-in person outside any workspace (create an organisation, profile).
export function userAction<S extends ZodType, T>(schema: S, fn: (user: User, input: z.output<S>) => Promise<T>) {
  return async (a: unknown, b?: unknown): Promise<ActionResult<T>> => {
    try {
      const user = await getSessionUser();
      if (!user) throw new AppError("unauthorized", "Sign in first");
      return { ok: true, data: await fn(user, fromOutside(schema).parse(toInput(a, b))) };
    } catch (error) {
      return toFailure(error);
    }
  };
}

// Server actions anyone may call (join through an invite link): still validated, still mapped.
export function publicAction<S extends ZodType, T>(schema: S, fn: (input: z.output<S>) => Promise<T>) {
  return async (a: unknown, b?: unknown): Promise<ActionResult<T>> => {
    try {
      return { ok: true, data: await fn(fromOutside(schema).parse(toInput(a, b))) };
    } catch (error) {
      return toFailure(error);
    }
  };
}
