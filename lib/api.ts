import "server-only";
import { unstable_rethrow } from "next/navigation";
import { NextResponse, type NextRequest } from "next/server";
import { ZodError, z } from "zod";
import { getTenant } from "@/lib/auth/session";
import type { Permission } from "@/lib/auth/permissions";
import { AppError, isRefusedValue, isUniqueViolation, pgErrorCode, STATUS } from "@/lib/errors";
import { fromOutside } from "@/lib/input";
import type { Tenant } from "@/lib/tenancy";

type Context = { params: Promise<Record<string, string>> };

export function apiError(code: keyof typeof STATUS, message: string, details?: unknown) {
  return NextResponse.json({ error: { code, message, details } }, { status: STATUS[code] });
}

const paramsSchema = fromOutside(z.record(z.string(), z.union([z.string(), z.array(z.string())])));

function toResponse(error: unknown) {
  unstable_rethrow(error);
  if (error instanceof ZodError) return apiError("bad_request", "Invalid input", z.flattenError(error).fieldErrors);
  if (error instanceof AppError) return apiError(error.code, error.message);
  if (isUniqueViolation(error)) return apiError("conflict", "Already exists");
  if (isRefusedValue(error)) {
    console.warn("[api] input refused by the database", pgErrorCode(error));
    return apiError("bad_request", "A value in the request is not valid (too long, malformed or not one of the allowed values)");
  }
  console.error("[api] unexpected error", error);
  return apiError("internal", "Internal error");
}

// Route handlers under /api/orgs/[org]/…: the same door as actions, answered as JSON. The
// route's params reach the handler cleaned (lib/input.ts); handlers read a body or query
// through `fromOutside(schema)`.
export function withOrg(
  handler: (args: { req: NextRequest; tenant: Tenant; params: Record<string, string> }) => Promise<Response>,
  options: { permission: Permission },
) {
  return Object.assign(
    async (req: NextRequest, ctx: Context) => {
      try {
        const params = paramsSchema.parse(await ctx.params) as Record<string, string>;
        const tenant = await getTenant(z.string().min(1).parse(params.org), options.permission);
        return await handler({ req, tenant, params });
      } catch (error) {
        return toResponse(error);
      }
    },
    { permission: options.permission },
  );
}

// Public route handlers (media, join pages' logos): the same cleaning and error answers,
// without a tenant. Next's redirect() and notFound() pass through.
export function publicRoute<P extends Record<string, string> = Record<string, never>, R extends Request = NextRequest>(handler: (req: R, params: P) => Promise<Response>) {
  return async (req: R, ctx?: { params: Promise<P> }) => {
    try {
      return await handler(req, paramsSchema.parse((await ctx?.params) ?? {}) as P);
    } catch (error) {
      return toResponse(error);
    }
  };
}
