import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { inviteLinkGroups, inviteLinks } from "@/db/schema";
import type { Role } from "@/db/schema/enums";
import { GET as getQr } from "@/app/api/orgs/[org]/invites/[id]/qr/route";
import { createInviteLinkAction, revokeInviteLinkAction } from "@/lib/invitations/invite-link-actions";
import { findInviteLinks } from "@/lib/invitations/invite-links";
import { joinThroughLink } from "@/lib/invitations/join";
import { createGroup, createMember, createOrg, createUser } from "@/tests/factories";
import { actAs } from "@/tests/setup/request-context";
import { form } from "./support";

async function leadOfNewOrg(role: Role = "lead") {
  const org = await createOrg();
  const { user, tenant } = await createMember(org, { role });
  await actAs(user.id);
  return { org, user, tenant };
}

describe("creating an invite link", () => {
  it("stores the role, groups, max uses, label and an unguessable code", async () => {
    const { org } = await leadOfNewOrg();
    const [a, b] = [await createGroup(org, "Montréal"), await createGroup(org, "Éducateurs")];
    const result = await createInviteLinkAction(null, form({ org: org.slug, role: "advocate", groupIds: [a.id, b.id], maxUses: 40, label: "Table ronde" }));
    expect(result.ok).toBe(true);
    const [link] = await db.select().from(inviteLinks).where(eq(inviteLinks.organizationId, org.id));
    expect(link).toMatchObject({ role: "advocate", maxUses: 40, label: "Table ronde", useCount: 0, revokedAt: null });
    expect(link.code).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const groups = await db.select().from(inviteLinkGroups).where(eq(inviteLinkGroups.inviteLinkId, link.id));
    expect(groups.map((g) => g.groupId).sort()).toEqual([a.id, b.id].sort());
  });

  it("sets the expiry at the end of the chosen day in the organisation's time zone", async () => {
    const { org } = await leadOfNewOrg();
    const result = await createInviteLinkAction(null, form({ org: org.slug, role: "staff", expiresOn: "2099-03-01" }));
    expect(result.ok).toBe(true);
    const [link] = await db.select().from(inviteLinks).where(eq(inviteLinks.organizationId, org.id));
    // America/Toronto is UTC−5 on 1 March.
    expect(link.expiresAt?.toISOString()).toBe("2099-03-02T04:59:59.000Z");
  });

  it("refuses an expiry day in the past", async () => {
    const { org } = await leadOfNewOrg();
    const result = await createInviteLinkAction(null, form({ org: org.slug, role: "advocate", expiresOn: "2020-01-01" }));
    expect(result).toMatchObject({ ok: false, code: "bad_request" });
  });

  it("refuses to grant the owner, admin or lead role", async () => {
    const { org } = await leadOfNewOrg();
    const result = await createInviteLinkAction(null, form({ org: org.slug, role: "admin" }));
    expect(result).toMatchObject({ ok: false, code: "bad_request" });
  });

  it("answers not_found for a group of another organisation and creates nothing", async () => {
    const { org } = await leadOfNewOrg();
    const foreignGroup = await createGroup(await createOrg());
    const result = await createInviteLinkAction(null, form({ org: org.slug, role: "advocate", groupIds: [foreignGroup.id] }));
    expect(result).toEqual({ ok: false, code: "not_found" });
    expect(await db.select().from(inviteLinks).where(eq(inviteLinks.organizationId, org.id))).toHaveLength(0);
  });

  it.each([
    ["owner", true],
    ["admin", true],
    ["lead", true],
    ["staff", false],
    ["advocate", false],
  ] as const)("is %s-allowed: %s", async (role, allowed) => {
    const { org } = await leadOfNewOrg(role);
    const result = await createInviteLinkAction(null, form({ org: org.slug, role: "advocate" }));
    expect(result.ok).toBe(allowed);
    if (!allowed) expect(result).toEqual({ ok: false, code: "forbidden" });
  });
});

describe("revoking an invite link", () => {
  it("marks it revoked so that nobody can join through it any more", async () => {
    const { org } = await leadOfNewOrg();
    const created = await createInviteLinkAction(null, form({ org: org.slug, role: "advocate" }));
    if (!created.ok) throw new Error("setup");
    expect(await revokeInviteLinkAction(null, form({ org: org.slug, id: created.data.id }))).toMatchObject({ ok: true });
    const [link] = await db.select().from(inviteLinks).where(eq(inviteLinks.id, created.data.id));
    expect(link.revokedAt).toBeInstanceOf(Date);
    const newcomer = await createUser();
    await expect(joinThroughLink(newcomer.id, link.code)).rejects.toMatchObject({ code: "gone" });
  });

  it("is refused to staff", async () => {
    const { org } = await leadOfNewOrg();
    const created = await createInviteLinkAction(null, form({ org: org.slug, role: "advocate" }));
    if (!created.ok) throw new Error("setup");
    const { user } = await createMember(org, { role: "staff" });
    await actAs(user.id);
    expect(await revokeInviteLinkAction(null, form({ org: org.slug, id: created.data.id }))).toEqual({ ok: false, code: "forbidden" });
    const [link] = await db.select().from(inviteLinks).where(eq(inviteLinks.id, created.data.id));
    expect(link.revokedAt).toBeNull();
  });
});

describe("the invite link list", () => {
  it("shows each link's uses and who joined through it", async () => {
    const { org, tenant } = await leadOfNewOrg();
    const created = await createInviteLinkAction(null, form({ org: org.slug, role: "advocate" }));
    if (!created.ok) throw new Error("setup");
    const joiner = await createUser({ name: "Léa Tremblay" });
    await joinThroughLink(joiner.id, created.data.code);
    const [listed] = await findInviteLinks(tenant);
    expect(listed.useCount).toBe(1);
    expect(listed.recentJoiners.map((j) => j.name)).toEqual(["Léa Tremblay"]);
  });
});

describe("the invite link QR code", () => {
  async function qr(org: string, id: string, format: string) {
    return getQr(new NextRequest(`http://localhost:3000/api/orgs/${org}/invites/${id}/qr?format=${format}`), { params: Promise.resolve({ org, id }) });
  }

  it("downloads as an SVG that encodes the join address", async () => {
    const { org } = await leadOfNewOrg();
    const created = await createInviteLinkAction(null, form({ org: org.slug, role: "advocate" }));
    if (!created.ok) throw new Error("setup");
    const response = await qr(org.slug, created.data.id, "svg");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/svg+xml");
    expect(response.headers.get("content-disposition")).toContain(`invite-${created.data.code}.svg`);
    expect(await response.text()).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  it("downloads as a PNG", async () => {
    const { org } = await leadOfNewOrg();
    const created = await createInviteLinkAction(null, form({ org: org.slug, role: "advocate" }));
    if (!created.ok) throw new Error("setup");
    const response = await qr(org.slug, created.data.id, "png");
    expect(response.headers.get("content-type")).toBe("image/png");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it("is refused to an advocate", async () => {
    const { org } = await leadOfNewOrg();
    const created = await createInviteLinkAction(null, form({ org: org.slug, role: "advocate" }));
    if (!created.ok) throw new Error("setup");
    const { user } = await createMember(org, { role: "advocate" });
    await actAs(user.id);
    expect((await qr(org.slug, created.data.id, "svg")).status).toBe(403);
  });
});
