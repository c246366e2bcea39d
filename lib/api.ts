import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { ZodError, z } from "zod";
import { getTenant } from "@/lib/auth/session";
import type { Permission } from "@/lib/auth/permissions";
import { AppError, isUniqueViolation, STATUS } from "@/lib/errors";
import type { Tenant } from "@/lib/tenancy";

type Context = { params: Promise<Record<string, string>> };

export function apiError(code: keyof typeof STATUS, message: string, details?: unknown) {
  return NextResponse.json({ error: { code, message, details } }, { status: STATUS[code] });
}

// Route handlers under /api/orgs/[org]/…: the same door as actions, answered as JSON.
export function withOrg(
  handler: (args: { req: NextRequest; tenant: Tenant; params: Record<string, string> }) => Promise<Response>,
  options: { permission: Permission },
) {
  return async (req: NextRequest, ctx: Context) => {
    try {
      const params = await ctx.params;
      const tenant = await getTenant(z.string().min(1).parse(params.org), options.permission);
      return await handler({ req, tenant, params });
    } catch (error) {
      if (error instanceof ZodError) return apiError("bad_request", "Invalid input", z.flattenError(error).fieldErrors);
      if (error instanceof AppError) return apiError(error.code, error.message);
      if (isUniqueViolation(error)) return apiError("conflict", "Already exists");
      console.error("[api] unexpected error", error);
      return apiError("internal", "Internal error");
    }
  };
}
