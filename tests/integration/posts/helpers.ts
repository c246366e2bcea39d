import { expect } from "vitest";
import type { Organization } from "@/db/schema";
import type { Role } from "@/db/schema/enums";
import { savePostAction, transitionPostAction } from "@/lib/posts/actions";
import type { PersonTransition } from "@/lib/posts/lifecycle";
import { createMember, createOrg } from "@/tests/factories";
import { actAs } from "@/tests/setup/request-context";

export type Person = Awaited<ReturnType<typeof createMember>>;

export async function orgWith(...roles: Role[]) {
  const org = await createOrg();
  const people: Person[] = [];
  for (const role of roles) people.push(await createMember(org, { role }));
  return { org, people };
}

export async function draftAs(org: Organization, author: Person, input: Record<string, unknown> = {}) {
  await actAs(author.user.id);
  const result = await savePostAction({ org: org.slug, kind: "text", variants: { fr: { title: "Ma publication", body: "Un texte." } }, ...input });
  if (!result.ok) throw new Error(`savePostAction failed: ${JSON.stringify(result)}`);
  return result.data.id;
}

export async function moveAs(org: Organization, actor: Person, id: string, transition: PersonTransition) {
  await actAs(actor.user.id);
  return transitionPostAction({ org: org.slug, id, transition });
}

// Runs transitions as the given people, failing loudly at the first refusal.
export async function walk(org: Organization, id: string, steps: [Person, PersonTransition][]) {
  for (const [actor, transition] of steps) expect(await moveAs(org, actor, id, transition)).toMatchObject({ ok: true });
}

export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms (last value: ${JSON.stringify(value)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();
