import { randomBytes } from "node:crypto";
import { vi } from "vitest";
import { db } from "@/db/client";
import { sessions } from "@/db/schema";

// Server actions and route handlers read the caller from Next's request headers. Tests drive
// them as a real signed-in person: a real session row in PostgreSQL, sent as the cookie a
// browser would send. Only Next's request plumbing is stood in for, never our data.
const request = { headers: new Headers(), cookies: new Map<string, string>() };

vi.mock("next/headers", () => ({
  headers: async () => {
    const h = new Headers(request.headers);
    if (request.cookies.size) h.set("cookie", [...request.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    return h;
  },
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => request.cookies.has(name),
    set: (name: string | { name: string; value: string }, value?: string) => {
      if (typeof name === "object") request.cookies.set(name.name, name.value);
      else request.cookies.set(name, value ?? "");
    },
    delete: (name: string) => request.cookies.delete(name),
  }),
  draftMode: async () => ({ isEnabled: false }),
}));

vi.mock("next/cache", () => ({
  revalidatePath: () => {},
  revalidateTag: () => {},
  updateTag: () => {},
  refresh: () => {},
  unstable_cache: <T>(fn: T) => fn,
}));

export async function actAs(userId: string | null) {
  request.cookies.clear();
  request.headers = new Headers({ host: "localhost:3000", "x-forwarded-proto": "http" });
  if (!userId) return;
  const token = randomBytes(24).toString("hex");
  await db.insert(sessions).values({ sessionToken: token, userId, expires: new Date(Date.now() + 3600_000) });
  request.cookies.set("authjs.session-token", token);
}

export function setRequestHeader(name: string, value: string) {
  request.headers.set(name, value);
}
