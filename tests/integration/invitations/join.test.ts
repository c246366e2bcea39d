import { and, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { groupMembers, inviteLinks, joinClaims, memberships, organizationLogos, users } from "@/db/schema";
import { joinThroughLink } from "@/lib/invitations/join";
import { createGroup, createMember, createOrg, createUser, unique } from "@/tests/factories";
import { createInviteLink } from "@/tests/factories/invites";
import { actAs, setRequestHeader } from "@/tests/setup/request-context";
import { form, redirectTarget, until, useSmtp } from "./support";

const smtp = await useSmtp();

async function membershipOf(orgId: string, userId: string) {
  const [row] = await db.select().from(memberships).where(and(eq(memberships.organizationId, orgId), eq(memberships.userId, userId)));
  return row;
}

async function useCount(linkId: string) {
  const [row] = await db.select({ useCount: inviteLinks.useCount }).from(inviteLinks).where(eq(inviteLinks.id, linkId));
  return row.useCount;
}

describe("joining through an invite link while signed in", () => {
  it("makes the person a member with the granted role and groups, and lands them in the feed", async () => {
    const org = await createOrg();
    const group = await createGroup(org, "Conseil");
    const link = await createInviteLink(org, { role: "staff", groupIds: [group.id] });
    const person = await createUser();
    await actAs(person.id);
    const { joinWithLinkAction } = await import("@/lib/invitations/join-actions");
    expect(await redirectTarget(joinWithLinkAction(null, form({ code: link.code, consent: "on" })))).toBe(`/${org.slug}`);
    const membership = await membershipOf(org.id, person.id);
    expect(membership).toMatchObject({ role: "staff", status: "active", inviteLinkId: link.id });
    const groups = await db.select().from(groupMembers).where(eq(groupMembers.membershipId, membership.id));
    expect(groups.map((g) => g.groupId)).toEqual([group.id]);
    expect(await useCount(link.id)).toBe(1);
  });

  it("changes nothing the second time: one membership, one use", async () => {
    const org = await createOrg();
    const link = await createInviteLink(org);
    const person = await createUser();
    await joinThroughLink(person.id, link.code);
    const again = await joinThroughLink(person.id, link.code);
    expect(again).toEqual({ slug: org.slug, joined: false });
    expect(await db.select().from(memberships).where(eq(memberships.userId, person.id))).toHaveLength(1);
    expect(await useCount(link.id)).toBe(1);
  });

  it("keeps an existing member's role when they open a link of their organisation", async () => {
    const org = await createOrg();
    const { user } = await createMember(org, { role: "lead" });
    const link = await createInviteLink(org, { role: "advocate" });
    await joinThroughLink(user.id, link.code);
    expect((await membershipOf(org.id, user.id)).role).toBe("lead");
    expect(await useCount(link.id)).toBe(0);
  });

  it("refuses an expired link and adds nobody", async () => {
    const org = await createOrg();
    const link = await createInviteLink(org, { expiresAt: new Date(Date.now() - 60_000) });
    const person = await createUser();
    await expect(joinThroughLink(person.id, link.code)).rejects.toMatchObject({ code: "gone" });
    expect(await membershipOf(org.id, person.id)).toBeUndefined();
  });

  it("refuses a link that has reached its maximum uses", async () => {
    const org = await createOrg();
    const link = await createInviteLink(org, { maxUses: 1 });
    await joinThroughLink((await createUser()).id, link.code);
    const late = await createUser();
    await expect(joinThroughLink(late.id, link.code)).rejects.toMatchObject({ code: "gone" });
    expect(await membershipOf(org.id, late.id)).toBeUndefined();
    expect(await useCount(link.id)).toBe(1);
  });

  it("lets exactly three of ten people joining at once through a link limited to three in", async () => {
    const org = await createOrg();
    const group = await createGroup(org);
    const link = await createInviteLink(org, { maxUses: 3, groupIds: [group.id] });
    const people = await Promise.all(Array.from({ length: 10 }, () => createUser()));
    const outcomes = await Promise.allSettled(people.map((p) => joinThroughLink(p.id, link.code)));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(3);
    expect(outcomes.filter((o) => o.status === "rejected").map((o) => (o as PromiseRejectedResult).reason.code)).toEqual(Array(7).fill("gone"));
    expect(await db.select().from(memberships).where(eq(memberships.organizationId, org.id))).toHaveLength(3);
    expect(await db.select().from(groupMembers).where(eq(groupMembers.groupId, group.id))).toHaveLength(3);
    expect(await useCount(link.id)).toBe(3);
  });
});

describe("joining through an invite link with no account", () => {
  async function requestJoin(code: string, email: string) {
    await actAs(null);
    setRequestHeader("accept-language", "fr-CA,fr;q=0.9");
    const { requestLinkJoinAction } = await import("@/lib/invitations/join-actions");
    return requestLinkJoinAction(null, form({ code, email, firstName: "Zoé", lastName: "Gagnon", locale: "en", consent: "on" }));
  }

  async function complete(claimId: string) {
    const { GET } = await import("@/app/join/complete/route");
    return GET(new NextRequest(`http://localhost:3000/join/complete?claim=${claimId}`));
  }

  it("keeps what the person typed and emails them a magic link that comes back to finish the join", async () => {
    const org = await createOrg();
    const link = await createInviteLink(org);
    const email = `${unique("zoe-")}@example.test`;
    expect(await requestJoin(link.code, email)).toEqual({ ok: true, data: { email } });
    const [claim] = await db.select().from(joinClaims).where(eq(joinClaims.email, email));
    expect(claim).toMatchObject({ inviteLinkId: link.id, firstName: "Zoé", lastName: "Gagnon", locale: "en", completedAt: null });
    const [mail] = await until(async () => smtp.to(email), (m) => m.length > 0);
    const magicLink = new URL(mail.text!.match(/https?:\/\/\S+\/api\/auth\/callback\/nodemailer\S+/)![0]);
    expect(magicLink.searchParams.get("callbackUrl")).toBe(`http://localhost:3000/join/complete?claim=${claim.id}`);
  });

  it("completes the join once the magic link has signed the person in, saving their name and language", async () => {
    const org = await createOrg();
    const link = await createInviteLink(org, { role: "advocate" });
    const email = `${unique("zoe-")}@example.test`;
    await requestJoin(link.code, email);
    const [claim] = await db.select().from(joinClaims).where(eq(joinClaims.email, email));
    // What Auth.js does when the magic link is opened: the user exists and is signed in.
    const person = await createUser({ email, name: null });
    await actAs(person.id);
    expect(await redirectTarget(complete(claim.id))).toBe(`/${org.slug}`);
    expect(await membershipOf(org.id, person.id)).toMatchObject({ role: "advocate", inviteLinkId: link.id });
    const [saved] = await db.select().from(users).where(eq(users.id, person.id));
    expect(saved).toMatchObject({ firstName: "Zoé", lastName: "Gagnon", name: "Zoé Gagnon", locale: "en" });
    // Opening the link again (a second tab) changes nothing.
    expect(await redirectTarget(complete(claim.id))).toBe(`/${org.slug}`);
    expect(await useCount(link.id)).toBe(1);
  });

  it("joins nobody when the claim is opened by someone signed in with another address", async () => {
    const org = await createOrg();
    const link = await createInviteLink(org);
    await requestJoin(link.code, `${unique("owner-")}@example.test`);
    const [claim] = await db.select().from(joinClaims).where(eq(joinClaims.inviteLinkId, link.id));
    const intruder = await createUser();
    await actAs(intruder.id);
    expect(await redirectTarget(complete(claim.id))).toBe(`/join/${link.code}`);
    expect(await membershipOf(org.id, intruder.id)).toBeUndefined();
  });

  it("sends the person back to the link's page when the link was used up meanwhile", async () => {
    const org = await createOrg();
    const link = await createInviteLink(org, { maxUses: 1 });
    const email = `${unique("late-")}@example.test`;
    await requestJoin(link.code, email);
    const [claim] = await db.select().from(joinClaims).where(eq(joinClaims.email, email));
    await joinThroughLink((await createUser()).id, link.code);
    const person = await createUser({ email });
    await actAs(person.id);
    expect(await redirectTarget(complete(claim.id))).toBe(`/join/${link.code}`);
    expect(await membershipOf(org.id, person.id)).toBeUndefined();
  });

  it("refuses a join request on a revoked link and keeps nothing", async () => {
    const org = await createOrg();
    const link = await createInviteLink(org, { revokedAt: new Date() });
    expect(await requestJoin(link.code, `${unique("x-")}@example.test`)).toEqual({ ok: false, code: "gone" });
    expect(await db.select().from(joinClaims).where(eq(joinClaims.inviteLinkId, link.id))).toHaveLength(0);
  });

  it("sends a signed-out visitor of the completion address to sign in first", async () => {
    await actAs(null);
    expect(await redirectTarget(complete("jcl_whatever"))).toBe(`/sign-in?callbackUrl=${encodeURIComponent("/join/complete?claim=jcl_whatever")}`);
  });
});

describe("the join page's logo", () => {
  it("is served to anyone holding the link, and to nobody for an unknown code", async () => {
    const org = await createOrg();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    await db.insert(organizationLogos).values({ organizationId: org.id, content: Buffer.from(png), contentType: "image/png", byteSize: png.length });
    const link = await createInviteLink(org, { revokedAt: new Date() });
    const { GET } = await import("@/app/join/[code]/logo/route");
    await actAs(null);
    const served = await GET(new NextRequest(`http://localhost:3000/join/${link.code}/logo`), { params: Promise.resolve({ code: link.code }) });
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(png);
    const unknown = await GET(new NextRequest("http://localhost:3000/join/nope/logo"), { params: Promise.resolve({ code: "AAAAAAAAAAAAAAAA" }) });
    expect(unknown.status).toBe(404);
  });
});
