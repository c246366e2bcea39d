import { ZodError } from "zod";

export const STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
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

export function isUniqueViolation(error: unknown) {
  const cause = (error as { cause?: { code?: string } })?.cause;
  return (error as { code?: string })?.code === "23505" || cause?.code === "23505";
}

// An expected refusal about one field, reported like a zod failure so that actions answer
// `{ ok: false, code: "bad_request", fieldErrors: { [field]: [code] } }`.
export function fieldError(field: string, code: string): never {
  throw new ZodError([{ code: "custom", path: [field], message: code, input: undefined }]);
}
