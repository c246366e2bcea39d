import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { describe, expect, inject, it } from "vitest";
import { db } from "@/db/client";
import { invitations, memberships } from "@/db/schema";
import { createGroupAction, renameGroupAction } from "@/lib/groups/actions";
import { cancelInvitationAction, inviteStaffAction, resendInvitationAction } from "@/lib/invitations/email-invitation-actions";
import { newInvitationToken } from "@/lib/invitations/invitation-tokens";
import { acceptInvitation, joinThroughLink } from "@/lib/invitations/join";
import { createGroup, createMember, createOrg, createUser, unique } from "@/tests/factories";
import { createInviteLink } from "@/tests/factories/invites";
import { dropDatabases, recreateDatabase } from "@/scripts/cli/services";
import { actAs } from "@/tests/setup/request-context";

const MIGRATIONS = path.resolve(import.meta.dirname, "../../../db/migrations");

describe("a deactivated member", () => {
  async function deactivated(role: "staff" | "advocate" = "advocate") {
    const org = await createOrg();
    const email = `${unique("gone-")}@example.test`;
    const user = await createUser({ email });
    const { membership } = await createMember(org, { role, status: "deactivated", user });
    return { org, user, membership };
  }

  const statusOf = async (id: string) => (await db.select().from(memberships).where(eq(memberships.id, id)))[0].status;

  it("cannot come back through an invitation sent before (staff promotion included)", async () => {
    const { org, user, membership } = await deactivated("advocate");
    const { token, hash } = newInvitationToken();
    const [invitation] = await db
      .insert(invitations)
      .values({ organizationId: org.id, email: user.email, role: "staff", tokenHash: hash, sentAt: new Date(), expiresAt: new Date(Date.now() + 86400_000) })
      .returning();
    await expect(acceptInvitation(user, token)).rejects.toMatchObject({ code: "forbidden" });
    expect(await statusOf(membership.id)).toBe("deactivated");
    const [row] = await db.select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(row.acceptedAt).toBeNull();
  });

  it("cannot come back through an invite link", async () => {
    const { org, user, membership } = await deactivated();
    const link = await createInviteLink(org);
    expect(await joinThroughLink(user.id, link.code)).toEqual({ slug: org.slug, joined: false });
    expect(await statusOf(membership.id)).toBe("deactivated");
  });
});

describe("group names", () => {
  it("are unique within an organisation regardless of case", async () => {
    const org = await createOrg();
    const { user } = await createMember(org, { role: "admin" });
    await actAs(user.id);
    expect((await createGroupAction({ org: org.slug, name: "Conseil" })).ok).toBe(true);
    expect(await createGroupAction({ org: org.slug, name: "CONSEIL" })).toMatchObject({ ok: false });
    const other = await createGroup(org, "Exécutif");
    expect(await renameGroupAction({ org: org.slug, groupId: other.id, name: "conseil" })).toMatchObject({ ok: false });
  });

  it("that existed twice with different cases are merged by the migration, members and links kept", async () => {
    const admin = inject("adminDatabaseUrl");
    const name = `relais_mig_${process.pid}_${Date.now()}`;
    const url = await recreateDatabase(admin, name);
    const before = fs.mkdtempSync(path.join(os.tmpdir(), "relais-migrations-"));
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      // The migrations up to the one before the merge.
      const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, "meta/_journal.json"), "utf8"));
      const cut = journal.entries.findIndex((e: { tag: string }) => e.tag.endsWith("hardening_dedupe_group_names"));
      fs.mkdirSync(path.join(before, "meta"));
      fs.writeFileSync(path.join(before, "meta/_journal.json"), JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));
      for (const e of journal.entries.slice(0, cut)) fs.copyFileSync(path.join(MIGRATIONS, `${e.tag}.sql`), path.join(before, `${e.tag}.sql`));
      await migrate(drizzle(sql), { migrationsFolder: before });

      await sql`insert into organizations (id, name, slug) values ('org_m', 'M', 'm-org')`;
      await sql`insert into users (id, email) values ('usr_a', 'a@example.test'), ('usr_b', 'b@example.test')`;
      await sql`insert into memberships (id, organization_id, user_id, role, status, search_text) values ('mem_a', 'org_m', 'usr_a', 'advocate', 'active', 'a'), ('mem_b', 'org_m', 'usr_b', 'advocate', 'active', 'b')`;
      await sql`insert into groups (id, organization_id, name, created_at) values ('grp_1', 'org_m', 'Conseil', now() - interval '2 days'), ('grp_2', 'org_m', 'conseil', now() - interval '1 day'), ('grp_3', 'org_m', 'CONSEIL', now())`;
      await sql`insert into group_members (organization_id, group_id, membership_id) values ('org_m', 'grp_1', 'mem_a'), ('org_m', 'grp_2', 'mem_a'), ('org_m', 'grp_3', 'mem_b')`;
      await sql`insert into invitations (id, organization_id, email, role, group_ids, expires_at) values ('ivt_1', 'org_m', 'c@example.test', 'staff', '{grp_2,grp_3}', now() + interval '1 day')`;

      await migrate(drizzle(sql), { migrationsFolder: MIGRATIONS });

      expect(await sql`select id, name from groups where organization_id = 'org_m'`).toEqual([{ id: "grp_1", name: "Conseil" }]);
      expect((await sql`select membership_id from group_members where group_id = 'grp_1' order by membership_id`).map((r) => r.membership_id)).toEqual(["mem_a", "mem_b"]);
      expect((await sql`select group_ids from invitations where id = 'ivt_1'`)[0].group_ids).toEqual(["grp_1"]);
      await expect(sql`insert into groups (id, organization_id, name) values ('grp_4', 'org_m', 'cONSEIL')`).rejects.toMatchObject({ code: "23505" });
    } finally {
      await sql.end({ timeout: 5 });
      fs.rmSync(before, { recursive: true, force: true });
      await dropDatabases(admin, [name]);
    }
  }, 60_000);
});

describe("pending email invitations", () => {
  async function pending(org: { id: string }, email = `${unique("typo-")}@example.test`) {
    const [row] = await db.insert(invitations).values({ organizationId: org.id, email, role: "staff", expiresAt: new Date(Date.now() + 14 * 86400_000) }).returning();
    return row;
  }

  it("can be cancelled by an admin, which frees the address at once", async () => {
    const org = await createOrg();
    const { user } = await createMember(org, { role: "admin" });
    const invitation = await pending(org);
    await actAs(user.id);
    expect(await cancelInvitationAction({ org: org.slug, id: invitation.id })).toEqual({ ok: true, data: { id: invitation.id } });
    expect(await db.select().from(invitations).where(eq(invitations.id, invitation.id))).toHaveLength(0);
    expect(await inviteStaffAction({ org: org.slug, emails: invitation.email, role: "staff" })).toEqual({ ok: true, data: { invited: 1, skipped: 0 } });
  });

  it("cannot be cancelled or resent by a lead", async () => {
    const org = await createOrg();
    const { user } = await createMember(org, { role: "lead" });
    const invitation = await pending(org);
    await actAs(user.id);
    expect(await cancelInvitationAction({ org: org.slug, id: invitation.id })).toEqual({ ok: false, code: "forbidden" });
    expect(await resendInvitationAction({ org: org.slug, id: invitation.id })).toEqual({ ok: false, code: "forbidden" });
    expect(await db.select().from(invitations).where(eq(invitations.id, invitation.id))).toHaveLength(1);
  });

  it("can be resent with a new link a few times a day, then the resend is refused", async () => {
    const org = await createOrg();
    const { user } = await createMember(org, { role: "owner" });
    let invitation = await pending(org);
    await actAs(user.id);
    const email = invitation.email;
    const outcomes = [];
    for (let i = 0; i < 4; i++) {
      const result = await resendInvitationAction({ org: org.slug, id: invitation.id });
      outcomes.push(result.ok ? "sent" : result.code);
      if (result.ok) [invitation] = await db.select().from(invitations).where(eq(invitations.id, result.data.id));
    }
    expect(outcomes).toEqual(["sent", "sent", "sent", "too_many_requests"]);
    const rows = await db.select().from(invitations).where(and(eq(invitations.organizationId, org.id), eq(invitations.email, email)));
    expect(rows).toHaveLength(1);
    expect(rows[0].expiresAt.getTime()).toBeGreaterThan(Date.now() + 13 * 86400_000);
  });
});
