import { ZodError } from "zod";

export const STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  too_many_requests: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

// The SQLSTATE of a PostgreSQL error, whether it comes straight from the driver or wrapped
// by drizzle (in `cause`).
export function pgErrorCode(error: unknown): string | undefined {
  const sqlState = (code: unknown) => (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : undefined);
  return sqlState((error as { code?: unknown })?.code) ?? sqlState((error as { cause?: { code?: unknown } })?.cause?.code);
}

export function isUniqueViolation(error: unknown) {
  return pgErrorCode(error) === "23505";
}

// PostgreSQL refused the values themselves (class 22, data exception: an invalid byte
// sequence, a value too long, an invalid enum or number; class 23, a constraint): sending
// the same values again cannot succeed, unlike a lost connection or a server shutting down.
export function isRefusedValue(error: unknown) {
  const code = pgErrorCode(error);
  return code !== undefined && (code.startsWith("22") || code.startsWith("23"));
}

// An expected refusal about one field, reported like a zod failure so that actions answer
// `{ ok: false, code: "bad_request", fieldErrors: { [field]: [code] } }`.
export function fieldError(field: string, code: string): never {
  throw new ZodError([{ code: "custom", path: [field], message: code, input: undefined }]);
}
