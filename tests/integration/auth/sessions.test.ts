import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { sessions } from "@/db/schema";
import { devLoginAction, signOutEverywhereAction } from "@/lib/auth/actions";
import { getTenant } from "@/lib/auth/session";
import { createMember, createOrg, createUser } from "@/tests/factories";
import { actAs } from "@/tests/setup/request-context";

function form(values: Record<string, string>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

describe("development sign-in", () => {
  const previous = process.env.AUTH_DEV_LOGIN;
  afterEach(() => {
    process.env.AUTH_DEV_LOGIN = previous;
  });

  it("is refused unless AUTH_DEV_LOGIN is set, and creates no session", async () => {
    const user = await createUser();
    await actAs(null);
    // env() caches its first parse; the flag defaults to off in tests.
    await expect(devLoginAction(form({ userId: user.id }))).rejects.toThrow(/NEXT_REDIRECT/);
    const rows = await db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows).toHaveLength(0);
  });
});

describe("sign out everywhere", () => {
  it("deletes every session of the person and only theirs", async () => {
    const me = await createUser();
    const other = await createUser();
    await actAs(other.id);
    await actAs(me.id);
    await actAs(me.id);
    await expect(signOutEverywhereAction()).rejects.toThrow(/NEXT_REDIRECT/);
    expect(await db.select().from(sessions).where(eq(sessions.userId, me.id))).toHaveLength(0);
    expect(await db.select().from(sessions).where(eq(sessions.userId, other.id))).toHaveLength(1);
  });
});

describe("the tenant door", () => {
  it("answers not_found to a person who is not a member", async () => {
    const org = await createOrg();
    const outsider = await createUser();
    await actAs(outsider.id);
    await expect(getTenant(org.slug, "feed.read")).rejects.toMatchObject({ code: "not_found" });
  });

  it("answers not_found to a deactivated member", async () => {
    const org = await createOrg();
    const { user } = await createMember(org, { role: "lead", status: "deactivated" });
    await actAs(user.id);
    await expect(getTenant(org.slug, "feed.read")).rejects.toMatchObject({ code: "not_found" });
  });

  it("answers forbidden to a member whose role lacks the permission", async () => {
    const org = await createOrg();
    const { user } = await createMember(org, { role: "advocate" });
    await actAs(user.id);
    await expect(getTenant(org.slug, "members.read")).rejects.toMatchObject({ code: "forbidden" });
  });

  it("gives a member their role in this organisation, not another", async () => {
    const orgA = await createOrg();
    const orgB = await createOrg();
    const { user } = await createMember(orgA, { role: "lead" });
    await createMember(orgB, { role: "advocate", user });
    await actAs(user.id);
    expect((await getTenant(orgA.slug, "feed.read")).role).toBe("lead");
    expect((await getTenant(orgB.slug, "feed.read")).role).toBe("advocate");
  });

  it("answers unauthorized when nobody is signed in", async () => {
    const org = await createOrg();
    await actAs(null);
    await expect(getTenant(org.slug, "feed.read")).rejects.toMatchObject({ code: "unauthorized" });
  });
});
