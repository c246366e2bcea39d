import { desc, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { memberships } from "@/db/schema";
import type { Role } from "@/db/schema/enums";
import { findMembersPage, MEMBER_COUNT_CAP } from "@/lib/members/queries";
import { decodeCursor, encodeCursor, memberListSchema, type MemberFilters } from "@/lib/members/schemas";
import { addToGroup, createGroup, createMember, createOrg, createUser, unique } from "@/tests/factories";

async function member(org: { id: string; slug: string }, name: string, options: { role?: Role; status?: "active" | "invited" | "deactivated" } = {}) {
  const user = await createUser({ name, email: `${unique(name.split(" ")[0].toLowerCase() + ".")}@example.test` });
  return (await createMember(org, { ...options, user })).membership;
}

// Every page, following the cursors the way the "next" link does.
async function walk(tenant: Parameters<typeof findMembersPage>[0], filters: MemberFilters, pageSize: number) {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const page: Awaited<ReturnType<typeof findMembersPage>> = await findMembersPage(tenant, { ...filters, cursor: decodeCursor(cursor ?? undefined) }, pageSize);
    seen.push(...page.members.map((m) => m.id));
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return seen;
}

describe("member list: search", () => {
  it("finds members by part of their name, whatever the case", async () => {
    const org = await createOrg();
    const { tenant } = await createMember(org, { role: "admin" });
    const genevieve = await member(org, "Geneviève Tremblay");
    await member(org, "Karim Benali");
    const page = await findMembersPage(tenant, { q: "TREMB" });
    expect(page.members.map((m) => m.id)).toEqual([genevieve.id]);
  });

  it("finds members by email", async () => {
    const org = await createOrg();
    const { tenant } = await createMember(org, { role: "admin" });
    const user = await createUser({ name: "Sami Haddad", email: `${unique("s.haddad.")}@exemple.org` });
    const { membership } = await createMember(org, { user });
    const page = await findMembersPage(tenant, { q: user.email.slice(0, 12) });
    expect(page.members.map((m) => m.id)).toEqual([membership.id]);
  });

  it("matches every word of a two-word search, in any order", async () => {
    const org = await createOrg();
    const { tenant } = await createMember(org, { role: "admin" });
    const target = await member(org, "Marie-Ève Gagnon");
    await member(org, "Marie-Ève Roy");
    await member(org, "Hugo Gagnon");
    expect((await findMembersPage(tenant, { q: "gagnon marie" })).members.map((m) => m.id)).toEqual([target.id]);
  });

  it("treats % and _ as plain characters, not wildcards", async () => {
    const org = await createOrg();
    const { tenant } = await createMember(org, { role: "admin" });
    await member(org, "Louise Fortin");
    expect((await findMembersPage(tenant, { q: "%" })).members).toEqual([]);
    expect((await findMembersPage(tenant, { q: "l_uise" })).members).toEqual([]);
  });

  it("never returns another organisation's members", async () => {
    const org = await createOrg();
    const other = await createOrg();
    const { tenant } = await createMember(org, { role: "admin" });
    await member(other, "Zoé Lapointe");
    expect((await findMembersPage(tenant, { q: "lapointe" })).members).toEqual([]);
  });
});

describe("member list: filters", () => {
  it("filters by role", async () => {
    const org = await createOrg();
    const { tenant, membership: admin } = await createMember(org, { role: "admin" });
    const lead = await member(org, "Jules Caron", { role: "lead" });
    await member(org, "Emma Poulin", { role: "advocate" });
    expect((await findMembersPage(tenant, { role: "lead" })).members.map((m) => m.id)).toEqual([lead.id]);
    expect((await findMembersPage(tenant, { role: "admin" })).members.map((m) => m.id)).toEqual([admin.id]);
  });

  it("filters by status", async () => {
    const org = await createOrg();
    const { tenant } = await createMember(org, { role: "admin" });
    const gone = await member(org, "Olivier Morin", { status: "deactivated" });
    const invited = await member(org, "Fatou Diallo", { status: "invited" });
    expect((await findMembersPage(tenant, { status: "deactivated" })).members.map((m) => m.id)).toEqual([gone.id]);
    expect((await findMembersPage(tenant, { status: "invited" })).members.map((m) => m.id)).toEqual([invited.id]);
  });

  it("filters by group and shows each member's groups", async () => {
    const org = await createOrg();
    const { tenant } = await createMember(org, { role: "admin" });
    const montreal = await createGroup(org, "Montréal");
    const conseil = await createGroup(org, "Conseil");
    const inBoth = await member(org, "Ana Da Silva");
    const inOne = await member(org, "Nathan Roy");
    await member(org, "Priya Singh");
    await addToGroup(org, montreal.id, inBoth.id);
    await addToGroup(org, conseil.id, inBoth.id);
    await addToGroup(org, montreal.id, inOne.id);
    const page = await findMembersPage(tenant, { groupId: montreal.id });
    expect(page.members.map((m) => m.id).sort()).toEqual([inBoth.id, inOne.id].sort());
    expect(page.members.find((m) => m.id === inBoth.id)?.groups.map((g) => g.name)).toEqual(["Conseil", "Montréal"]);
  });

  it("combines search, role, status and group", async () => {
    const org = await createOrg();
    const { tenant } = await createMember(org, { role: "admin" });
    const group = await createGroup(org);
    const match = await member(org, "Félix Bédard", { role: "staff" });
    const wrongRole = await member(org, "Félix Bédard", { role: "advocate" });
    const wrongStatus = await member(org, "Félix Bédard", { role: "staff", status: "deactivated" });
    await member(org, "Félix Bédard", { role: "staff" }); // not in the group
    for (const m of [match, wrongRole, wrongStatus]) await addToGroup(org, group.id, m.id);
    const page = await findMembersPage(tenant, { q: "bédard", role: "staff", status: "active", groupId: group.id });
    expect(page.members.map((m) => m.id)).toEqual([match.id]);
    expect(page.total).toBe(1);
  });

  it("finds nobody through another organisation's group id", async () => {
    const org = await createOrg();
    const other = await createOrg();
    const { tenant } = await createMember(org, { role: "admin" });
    const foreignGroup = await createGroup(other);
    const { membership } = await createMember(other);
    await addToGroup(other, foreignGroup.id, membership.id);
    expect((await findMembersPage(tenant, { groupId: foreignGroup.id })).members).toEqual([]);
  });
});

describe("member list: pagination", () => {
  it("walks every member exactly once, newest first, even when many joined at the same instant", async () => {
    const org = await createOrg();
    const { tenant } = await createMember(org, { role: "admin" });
    const created = [];
    for (let i = 0; i < 11; i++) created.push(await member(org, `Membre ${i}`));
    // Ties on joined_at, with microseconds a JS Date cannot carry.
    await db.update(memberships).set({ joinedAt: new Date("2026-01-15T10:00:00.123Z") }).where(inArray(memberships.id, created.slice(0, 6).map((m) => m.id)));
    await db
      .update(memberships)
      .set({ joinedAt: sql`'2026-02-01 08:00:00.123456+00'::timestamptz` })
      .where(inArray(memberships.id, created.slice(6).map((m) => m.id)));
    const seen = await walk(tenant, {}, 4);
    const expected = await db
      .select({ id: memberships.id })
      .from(memberships)
      .where(eq(memberships.organizationId, org.id))
      .orderBy(desc(memberships.joinedAt), desc(memberships.id));
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
    expect(seen).toEqual(expected.map((r) => r.id));
  });

  it("pages through a filtered list without losing or repeating anyone", async () => {
    const org = await createOrg();
    const { tenant } = await createMember(org, { role: "admin" });
    const staff = [];
    for (let i = 0; i < 7; i++) {
      staff.push(await member(org, `Personnel ${i}`, { role: "staff" }));
      await member(org, `Ambassadeur ${i}`, { role: "advocate" });
    }
    const seen = await walk(tenant, { role: "staff" }, 3);
    expect(seen.sort()).toEqual(staff.map((m) => m.id).sort());
  });

  it("gives no next page on the last page", async () => {
    const org = await createOrg();
    const { tenant } = await createMember(org, { role: "admin" });
    await member(org, "Seul Membre");
    expect((await findMembersPage(tenant, {}, 2)).nextCursor).toBeNull();
    expect((await findMembersPage(tenant, {}, 1)).nextCursor).not.toBeNull();
  });

  it("ignores a tampered cursor and shows the first page", async () => {
    expect(decodeCursor("not-a-cursor")).toBeUndefined();
    expect(decodeCursor(Buffer.from(JSON.stringify(["2026-01-01'; drop table users; --", "x"])).toString("base64url"))).toBeUndefined();
    const cursor = { joinedAt: "2026-01-15T10:00:00.123456Z", id: "mem_x" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it("ignores malformed filters in the address instead of failing", () => {
    expect(memberListSchema.parse({ role: "king", status: "", q: "  ", cursor: ["a", "b"] })).toEqual({});
  });
});

describe("member list: count", () => {
  it("counts the members that match", async () => {
    const org = await createOrg();
    const { tenant } = await createMember(org, { role: "admin" });
    for (let i = 0; i < 3; i++) await member(org, `Compté ${i}`, { role: "lead" });
    expect(await findMembersPage(tenant, { role: "lead" }, 2)).toMatchObject({ total: 3, totalCapped: false });
  });

  it(`stops counting past ${MEMBER_COUNT_CAP} and says so`, async () => {
    const org = await createOrg();
    const { tenant } = await createMember(org, { role: "admin" });
    const n = MEMBER_COUNT_CAP + 5;
    await db.execute(sql`insert into users (id, name, email)
      select ${org.id} || '_u' || i, 'Cap ' || i, ${org.id} || '-' || i || '@example.test' from generate_series(1, ${n}) i`);
    await db.execute(sql`insert into memberships (id, organization_id, user_id, role, search_text)
      select ${org.id} || '_m' || i, ${org.id}, ${org.id} || '_u' || i, 'advocate', 'cap ' || i from generate_series(1, ${n}) i`);
    expect(await findMembersPage(tenant, {})).toMatchObject({ total: MEMBER_COUNT_CAP, totalCapped: true });
  });
});
