import { ZodError } from "zod";

// An expected refusal about one field, reported like a zod failure so that actions answer
// `{ ok: false, code: "bad_request", fieldErrors: { [field]: [code] } }`.
export function fieldError(field: string, code: string): never {
  throw new ZodError([{ code: "custom", path: [field], message: code, input: undefined }]);
}
