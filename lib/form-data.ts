import { z } from "zod";

// FormData → plain object for zod: repeated keys (checkbox groups, multi-selects) become arrays.
export function formDataToObject(form: FormData) {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key).filter((v) => !(v instanceof File && v.size === 0 && v.name === ""));
    out[key] = key.endsWith("[]") ? values : values.length > 1 ? values : values[0];
  }
  for (const key of Object.keys(out)) {
    if (key.endsWith("[]")) {
      out[key.slice(0, -2)] = out[key];
      delete out[key];
    }
  }
  return out;
}

// A checkbox posts "on" when ticked and nothing when not; a script may send a boolean.
export const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());
